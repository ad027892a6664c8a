/* heap.h — see heap.c. */
#ifndef BPFVERIFY_CLI_HEAP_H
#define BPFVERIFY_CLI_HEAP_H

/* Call first thing in main(). */
void bv_cli_heap_setup(void);

#endif
