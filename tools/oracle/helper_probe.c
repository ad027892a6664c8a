/* helper_probe.c — which helpers the live kernel offers one program type.
 *
 * usage: helper-probe PROG_TYPE EXPECTED_ATTACH_TYPE [sleepable]
 * For every helper id 1..255 it loads "r1..r5 = 0; call id; r0 = 0; exit"
 * and prints one line of four 64-bit words, bit i set when helper i is
 * offered: the load succeeded or failed for another reason than the
 * kernel's "program of this type cannot use helper" / "invalid func" /
 * "unknown func" (the arguments are wrong on purpose; only availability
 * is asked). The words are in the form of facade-clang/test/
 * kb_observed_6_18.h, so scripts/oracle-helper-probe can compare a build's
 * answers with the recorded ones. Needs root (CAP_BPF, CAP_PERFMON).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <linux/bpf.h>

#define NR_IDS 256

static char log_buf[1 << 16];

static struct bpf_insn mov_imm(int reg, int imm)
{
	return (struct bpf_insn){ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = reg, .imm = imm };
}

/* 1: offered; 0: refused by name; -1: the kernel said nothing usable. */
static int offered(enum bpf_prog_type type, enum bpf_attach_type attach, int sleepable, int id)
{
	struct bpf_insn insns[] = {
		mov_imm(1, 0), mov_imm(2, 0), mov_imm(3, 0), mov_imm(4, 0), mov_imm(5, 0),
		{ .code = BPF_JMP | BPF_CALL, .imm = id },
		mov_imm(0, 0),
		{ .code = BPF_JMP | BPF_EXIT },
	};
	LIBBPF_OPTS(bpf_prog_load_opts, opts, .log_buf = log_buf, .log_size = sizeof(log_buf),
		    .log_level = 1, .expected_attach_type = attach,
		    .prog_flags = sleepable ? BPF_F_SLEEPABLE : 0);
	int fd;

	log_buf[0] = '\0';
	fd = bpf_prog_load(type, NULL, "GPL", insns, sizeof(insns) / sizeof(insns[0]), &opts);
	if (fd >= 0) {
		close(fd);
		return 1;
	}
	if (strstr(log_buf, "cannot use helper") || strstr(log_buf, "invalid func") ||
	    strstr(log_buf, "unknown func"))
		return 0;
	return log_buf[0] ? 1 : -1;
}

int main(int argc, char **argv)
{
	uint64_t words[NR_IDS / 64] = { 0 };
	int type, attach, sleepable;

	if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "sleepable") != 0)) {
		fprintf(stderr, "usage: helper-probe PROG_TYPE EXPECTED_ATTACH_TYPE [sleepable]\n");
		return 2;
	}
	type = atoi(argv[1]);
	attach = atoi(argv[2]);
	sleepable = argc == 4;
	for (int id = 1; id < NR_IDS; id++) {
		int r = offered(type, attach, sleepable, id);

		if (r < 0) {
			fprintf(stderr, "helper-probe: program type %d, helper %d: load failed "
				"with no verifier log (%s): not root, or no such program type?\n",
				type, id, strerror(errno));
			return 2;
		}
		if (r)
			words[id / 64] |= UINT64_C(1) << (id % 64);
	}
	for (int i = 0; i < NR_IDS / 64; i++)
		printf("%s0x%016" PRIx64, i ? " " : "", words[i]);
	printf("\n");
	return 0;
}
