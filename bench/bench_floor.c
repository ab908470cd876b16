/*
 * bench_floor.c - the floor: a string fetched by plain index from a static
 * array of 66 pointers, the least any lookup can cost; and the same loop
 * in two threads at once, which shares nothing: the two-thread scaling
 * that the machine itself allows (two vCPUs need not be two free cores).
 *   bench_floor       prints array_floor_ns, array_floor_threads2_scaling
 *                     and array_floor_threads2_cpu_scaling
 */
#include "bench.h"

#define FLOOR_N 66

static const char *const floor_texts[FLOOR_N] = {
#define T10(p) p "0", p "1", p "2", p "3", p "4", p "5", p "6", p "7", p "8", \
    p "9"
    T10("a"), T10("b"), T10("c"), T10("d"), T10("e"), T10("f"),
    "g0", "g1", "g2", "g3", "g4", "g5"
#undef T10
};

static void
run_index(void *arg, long iters)
{
    long i;
    unsigned j = 0;

    (void)arg;
    for (i = 0; i < iters; i++) {
        const char *s;

        /* j is opaque, so the compiler cannot precompute the loads. */
        BENCH_OPAQUE(j);
        s = floor_texts[j];
        BENCH_USE(s);
        if (++j == FLOOR_N)
            j = 0;
    }
}

int
main(int argc, char **argv)
{
    struct bench_scaling sc;
    void *args[2] = { NULL, NULL };

    if (argc != 1) {
        fprintf(stderr, "usage: %s\n", argv[0]);
        return 2;
    }
    bench_report("array_floor_ns", bench_ns_per_op(run_index, NULL));
    sc = bench_threads_scaling(run_index, args, NULL);
    bench_report("array_floor_threads2_scaling", sc.wall);
    bench_report("array_floor_threads2_cpu_scaling", sc.cpu);
    return 0;
}
