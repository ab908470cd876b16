/*
 * replay.c - runs a fuzz target's LLVMFuzzerTestOneInput over files and
 * directories without libFuzzer, so that `make check` (and make sanitize,
 * make valgrind) replays the seed corpora and every crash ever found.
 *   replay_NAME FILE|DIR...
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static unsigned long runs;

static int
run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *data = NULL;
    size_t len = 0, cap = 0, n;

    if (!fp) {
        perror(path);
        return -1;
    }
    for (;;) {
        if (len == cap) {
            unsigned char *p;

            cap = cap ? cap * 2 : 4096;
            if (!(p = realloc(data, cap))) {
                free(data);
                fclose(fp);
                return -1;
            }
            data = p;
        }
        if ((n = fread(data + len, 1, cap - len, fp)) == 0)
            break;
        len += n;
    }
    fclose(fp);
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    runs++;
    return 0;
}

static int
run_path(const char *path)
{
    struct stat st;
    DIR *d;
    struct dirent *de;
    int rc = 0;

    if (stat(path, &st) != 0) {
        perror(path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return run_file(path);
    if (!(d = opendir(path))) {
        perror(path);
        return -1;
    }
    while ((de = readdir(d)) != NULL) {
        char *sub;

        if (de->d_name[0] == '.')
            continue;
        if (!(sub = malloc(strlen(path) + strlen(de->d_name) + 2))) {
            rc = -1;
            break;
        }
        sprintf(sub, "%s/%s", path, de->d_name);
        if (run_path(sub) != 0)
            rc = -1;
        free(sub);
    }
    closedir(d);
    return rc;
}

int
main(int argc, char **argv)
{
    int i, rc = 0;

    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    for (i = 1; i < argc; i++)
        if (run_path(argv[i]) != 0)
            rc = 1;
    fprintf(stderr, "%s: %lu inputs replayed\n", argv[0], runs);
    return rc;
}
