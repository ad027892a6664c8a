/* heap.h — see heap.c. */
#ifndef BPFVERIFY_CLI_HEAP_H
#define BPFVERIFY_CLI_HEAP_H

/* Call once, first thing in main() (before any malloc: see heap.c). */
void bv_cli_heap_setup(void);

#endif
