/*
 * bench.h - the timing harness shared by the benchmark programs of bench/:
 * a monotonic clock, a calibrated loop whose figure is the median of
 * several repetitions, and barriers that keep the optimizer from deleting
 * or hoisting the work being timed.
 *
 * Every program prints its figures as "key value" lines on stdout, which
 * bench/run.sh gathers into build/bench.json.
 */
#ifndef BENCH_H
#define BENCH_H

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Repetitions per figure, and the time one repetition should take. */
#define BENCH_REPS 9
#define BENCH_THREAD_REPS 7
#define BENCH_REP_NS 40e6

/* The value `p` is needed: the compiler must compute it, but need not store
 * it anywhere. */
#define BENCH_USE(p) __asm__ volatile("" : : "r"(p))

/* The compiler no longer knows the value of `x`: no hoisting of work that
 * depends on it out of a loop, no strength reduction across iterations. */
#define BENCH_OPAQUE(x) __asm__ volatile("" : "+r"(x))

/* A timed body: run the operation `iters` times. */
typedef void bench_fn(void *arg, long iters);

static inline double
bench_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* CPU time of the calling thread: what single-thread figures are timed
 * with, so that a repetition during which another process took the core
 * does not count the time it waited. */
static inline double
bench_cpu_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int
bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

/* Median of v[0..n-1]; sorts v. */
static inline double
bench_median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Iterations for which fn takes about BENCH_REP_NS, found by doubling from
 * a short run (which also warms caches and the code under test). */
static inline long
bench_calibrate(bench_fn *fn, void *arg)
{
    long iters = 64;

    for (;;) {
        double t0 = bench_cpu_ns();
        double dt;

        fn(arg, iters);
        dt = bench_cpu_ns() - t0;
        if (dt > BENCH_REP_NS / 8 || iters > (1L << 40))
            return (long)(iters * (BENCH_REP_NS / (dt > 1 ? dt : 1)));
        iters *= 2;
    }
}

/* Nanoseconds per operation: the median of BENCH_REPS timed repetitions. */
static inline double
bench_ns_per_op(bench_fn *fn, void *arg)
{
    double v[BENCH_REPS];
    long iters = bench_calibrate(fn, arg);
    int r;

    if (iters < 1)
        iters = 1;
    for (r = 0; r < BENCH_REPS; r++) {
        double t0 = bench_cpu_ns();

        fn(arg, iters);
        v[r] = (bench_cpu_ns() - t0) / (double)iters;
    }
    return bench_median(v, BENCH_REPS);
}

/* One thread of bench_threads_run. */
struct bench_thread {
    bench_fn *fn;
    void *arg;
    void (*setup)(void *arg);       /* run in the thread before the start */
    long iters;
    pthread_barrier_t *start;
    double end_ns;
    double cpu_ns;                  /* CPU time the thread spent in fn */
};

static void *
bench_thread_main(void *p)
{
    struct bench_thread *t = p;

    if (t->setup)
        t->setup(t->arg);
    pthread_barrier_wait(t->start);
    t->cpu_ns = bench_cpu_ns();
    t->fn(t->arg, t->iters);
    t->end_ns = bench_now_ns();
    t->cpu_ns = bench_cpu_ns() - t->cpu_ns;
    return NULL;
}

/* Calls per second of n threads (1 or 2) running fn on args[0..n-1] at
 * once, each `iters` times, from a common start to the last one's end;
 * *cpu_per_call gets the threads' mean CPU time per call, in ns. */
static inline double
bench_threads_run(int n, bench_fn *fn, void **args, void (*setup)(void *),
                  long iters, double *cpu_per_call)
{
    struct bench_thread t[2];
    pthread_t tid[2];
    pthread_barrier_t start;
    double t0, end = 0;
    int i;

    pthread_barrier_init(&start, NULL, (unsigned)n + 1);
    for (i = 0; i < n; i++) {
        t[i].fn = fn;
        t[i].arg = args[i];
        t[i].setup = setup;
        t[i].iters = iters;
        t[i].start = &start;
        if (pthread_create(&tid[i], NULL, bench_thread_main, &t[i]) != 0) {
            fprintf(stderr, "bench: error: cannot create a thread\n");
            exit(1);
        }
    }
    pthread_barrier_wait(&start);
    t0 = bench_now_ns();
    *cpu_per_call = 0;
    for (i = 0; i < n; i++) {
        pthread_join(tid[i], NULL);
        if (t[i].end_ns > end)
            end = t[i].end_ns;
        *cpu_per_call += t[i].cpu_ns / (double)iters / n;
    }
    pthread_barrier_destroy(&start);
    return n * (double)iters / ((end - t0) / 1e9);
}

/* What bench_threads_scaling measures. */
struct bench_scaling {
    double wall;            /* two threads' calls/s over one thread's */
    double cpu;             /* 2 x one thread's CPU ns per call over the
                               two threads' (contention, whatever else
                               runs on the machine) */
    double ns_two;          /* wall ns per call per thread, two at once */
};

/* Two threads at once, thread i running fn on args[i] (after setup, in the
 * thread), against one thread alone, medians of BENCH_THREAD_REPS runs. */
static inline struct bench_scaling
bench_threads_scaling(bench_fn *fn, void **args, void (*setup)(void *))
{
    double one[BENCH_THREAD_REPS], two[BENCH_THREAD_REPS];
    double cpu1[BENCH_THREAD_REPS], cpu2[BENCH_THREAD_REPS], c, d;
    struct bench_scaling sc;
    long iters = 64;
    int r;

    for (;;) {
        double per_s = bench_threads_run(1, fn, args, setup, iters, &c);

        if (iters / per_s > BENCH_REP_NS / 8e9 || iters > (1L << 40)) {
            iters = (long)(per_s * BENCH_REP_NS / 1e9);
            break;
        }
        iters *= 2;
    }
    if (iters < 1)
        iters = 1;
    for (r = 0; r < BENCH_THREAD_REPS; r++) {
        /* One thread alone, once in each thread's setting. */
        one[r] = (bench_threads_run(1, fn, args, setup, iters, &c)
                  + bench_threads_run(1, fn, args + 1, setup, iters, &d)) / 2;
        cpu1[r] = (c + d) / 2;
        two[r] = bench_threads_run(2, fn, args, setup, iters, &cpu2[r]);
    }
    sc.ns_two = 2e9 / bench_median(two, BENCH_THREAD_REPS);
    sc.wall = bench_median(two, BENCH_THREAD_REPS)
              / bench_median(one, BENCH_THREAD_REPS);
    sc.cpu = 2 * bench_median(cpu1, BENCH_THREAD_REPS)
             / bench_median(cpu2, BENCH_THREAD_REPS);
    return sc;
}

/* One figure on stdout, for bench/run.sh. */
static inline void
bench_report(const char *key, double value)
{
    printf(value >= 1e4 ? "%s %.0f\n" : "%s %.4g\n", key, value);
    fflush(stdout);
}

/* GNU-style fatal error of a benchmark program. */
static inline void
bench_die(const char *prog, const char *what)
{
    fprintf(stderr, "%s: error: %s\n", prog, what);
    exit(1);
}

#endif
