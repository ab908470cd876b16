/*
 * bench_runstat.c - run a command and record its wall time and peak
 * resident set size, like GNU time's "%e %M" without the dependency.
 *   bench_runstat RESULT CMD [ARG...]
 * Writes "SECONDS PEAK_RSS_MB CPU_SECONDS" (wall time, peak resident set,
 * user + system time) to the file RESULT and exits with the command's
 * status. CPU time tells the work apart from waiting for a busy machine. The peak is that of the largest process of the
 * command's tree that was waited for (getrusage of RUSAGE_CHILDREN).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
    struct timespec t0, t1;
    struct rusage ru;
    FILE *f;
    pid_t pid;
    int status;
    double secs, cpu;

    if (argc < 3) {
        fprintf(stderr, "usage: bench_runstat RESULT CMD [ARG...]\n");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "bench_runstat: error: fork: %s\n", strerror(errno));
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "bench_runstat: error: %s: %s\n", argv[2],
                strerror(errno));
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "bench_runstat: error: waitpid: %s\n",
                    strerror(errno));
            return 2;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    getrusage(RUSAGE_CHILDREN, &ru);
    secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    f = fopen(argv[1], "w");
    cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec
          + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    if (!f || fprintf(f, "%.3f %.1f %.3f\n", secs, ru.ru_maxrss / 1024.0,
                      cpu) < 0
        || fclose(f) != 0) {
        fprintf(stderr, "bench_runstat: error: %s: %s\n", argv[1],
                strerror(errno));
        return 2;
    }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
