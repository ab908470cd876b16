/*
 * alloc.c - the runtime's one allocation hook and its one lock, so that
 * tests can fail each allocation in turn and reason about locking in one
 * place.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "errcat_int.h"

unsigned long errcat__alloc_fail_at;
unsigned long errcat__alloc_count;
long errcat__alloc_live;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Nonzero when the armed failure injector says this allocation fails. */
static int
injected_failure(void)
{
    if (errcat__alloc_fail_at == 0)
        return 0;
    return ++errcat__alloc_count == errcat__alloc_fail_at;
}

/* While armed, counts live allocations so a test can prove no leak. */
static void *
counted(void *p)
{
    if (p && errcat__alloc_fail_at != 0)
        errcat__alloc_live++;
    return p;
}

void *
errcat__malloc(size_t size)
{
    if (injected_failure())
        return NULL;
    return counted(malloc(size ? size : 1));
}

void *
errcat__calloc(size_t n, size_t size)
{
    if (injected_failure())
        return NULL;
    return counted(calloc(n ? n : 1, size ? size : 1));
}

void
errcat__free(void *p)
{
    if (p && errcat__alloc_fail_at != 0)
        errcat__alloc_live--;
    free(p);
}

char *
errcat__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = errcat__malloc(n);

    if (d)
        memcpy(d, s, n);
    return d;
}

void
errcat__lock(void)
{
    pthread_mutex_lock(&lock);
}

void
errcat__unlock(void)
{
    pthread_mutex_unlock(&lock);
}
