// SPDX-License-Identifier: (LGPL-2.1 OR BSD-2-Clause)
/* The user-space half: opens the skeleton, sets my_pid, loads, attaches,
 * writes a few times and prints the count the BPF program kept. Needs root
 * (CAP_BPF) to run; building it needs nothing of the kind. */
#include <stdio.h>
#include <unistd.h>
#include <bpf/libbpf.h>
#include "minimal.skel.h"

int main(void)
{
	struct minimal_bpf *skel = minimal_bpf__open();
	int i, err;

	if (!skel) {
		fprintf(stderr, "minimal: cannot open the BPF skeleton\n");
		return 1;
	}
	skel->rodata->my_pid = getpid();
	err = minimal_bpf__load(skel);
	if (!err)
		err = minimal_bpf__attach(skel);
	if (err) {
		fprintf(stderr, "minimal: load/attach failed: %d\n", err);
		minimal_bpf__destroy(skel);
		return 1;
	}
	for (i = 0; i < 3; i++)
		fprintf(stderr, ".");
	fprintf(stderr, "\n");
	printf("writes seen: %llu\n", (unsigned long long)skel->bss->writes);
	minimal_bpf__destroy(skel);
	return 0;
}
