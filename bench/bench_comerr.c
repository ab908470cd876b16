/*
 * bench_comerr.c - com_err's error_message on compile_et tables, the prior
 * art that errcat replaces: one table of the 66 CSBS codes, or the 391
 * tables of 256 that hold 100k codes (com_err walks its table list).
 *   bench_comerr KEY   prints "KEY ns-per-call"
 * Linked with the tables and the et_all.c that bench/mket wrote.
 */
#include <et/com_err.h>

#include "bench.h"

extern const int bench_et_ntables;
extern const int bench_et_ncodes;
extern const long bench_et_base[];
void bench_et_init(void);

struct comerr_run {
    long *codes;
    long n;
};

static void
run_error_message(void *arg, long iters)
{
    const struct comerr_run *r = arg;
    long i, j = 0;

    for (i = 0; i < iters; i++) {
        const char *s = error_message(r->codes[j]);

        BENCH_USE(s);
        if (++j == r->n)
            j = 0;
    }
}

int
main(int argc, char **argv)
{
    struct comerr_run r;
    long i, k;

    if (argc != 2) {
        fprintf(stderr, "usage: %s KEY\n", argv[0]);
        return 2;
    }
    bench_et_init();
    r.n = bench_et_ncodes;
    r.codes = malloc(sizeof *r.codes * (size_t)r.n);
    if (!r.codes)
        bench_die(argv[0], "out of memory");
    /* Visit the codes in a scattered order that passes through every
     * table: 7919 is prime, so k -> k * 7919 mod n is a permutation. */
    for (i = 0; i < r.n; i++) {
        k = (i * 7919) % r.n;
        r.codes[i] = bench_et_base[k / 256] + k % 256;
    }
    for (i = 0; i < r.n; i++)
        if (!strncmp(error_message(r.codes[i]), "Unknown code", 12))
            bench_die(argv[0], "error_message does not know a code");
    bench_report(argv[1], bench_ns_per_op(run_error_message, &r));
    free(r.codes);
    return 0;
}
