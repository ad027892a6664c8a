/* load_refusals.c — loads the kernel refuses before its verifier runs
 * because it lacks an attach type or was built without a program type's
 * support, although its enum bpf_prog_type lists the type. Each is a
 * load_error with libbpf's line, and a note saying which fact of the
 * kernel profile decided it:
 *  - an expected attach type beyond the kernel's enum bpf_attach_type
 *    (cgroup/connect_unix on a kernel before the *_unix attach types):
 *    bpf_prog_load_check_attach fails with EINVAL;
 *  - lirc_mode2 on a kernel built without CONFIG_BPF_LIRC_MODE2: the type
 *    is not registered (EINVAL). The profile's BTF tells: that code
 *    brings the function lirc_prog_attach, absent otherwise.
 */
#include <stdio.h>
#include <string.h>

#include <bpf/btf.h>

#include "bpfverify/bvdb.h"
#include "bvf_internal.h"
#include "load_refusals.h"

/* The highest value of enum bpf_attach_type's BPF_* enumerators (not
 * __MAX_BPF_ATTACH_TYPE), or -1 when the BTF has no such enum. */
static int64_t max_attach_type(const struct bvf_kernel *k, char *name, size_t size)
{
	const struct bvdb_btf *btf = bvf_kernel_view(k, NULL, 0);
	int id = btf ? bvf_kernel_enum_id(k, "bpf_attach_type") : -1;
	const struct btf_type *t = id > 0 ? bvdb_btf__type_by_id(btf, (uint32_t)id) : NULL;
	const struct btf_enum *e;
	int64_t best = -1;

	if (!t)
		return -1;
	e = btf_enum(t);
	for (uint16_t i = 0; i < btf_vlen(t); i++) {
		const char *n = bvdb_btf__str(btf, e[i].name_off);

		if (!n || strncmp(n, "BPF_", 4) != 0 || strncmp(n, "__", 2) == 0)
			continue;
		if (e[i].val > best) {
			best = e[i].val;
			snprintf(name, size, "%s", n);
		}
	}
	return best;
}

static void refuse(const struct bvf_program *prog, struct bv_result *res, const char *note)
{
	const char *name = bvf_program_name(prog);
	size_t len;

	memset(res, 0, sizeof(*res));
	res->verdict = BV_LOAD_ERROR;
	res->insn = -1;
	snprintf(res->message, sizeof(res->message),
		 "libbpf: prog '%s': BPF program load failed: Invalid argument", name ? name : "?");
	res->nr_notes = 1;
	res->notes[0].insn = -1;
	len = strnlen(note, sizeof(res->notes[0].text) - 1);
	memcpy(res->notes[0].text, note, len);
	res->notes[0].text[len] = '\0';
}

bool bvf_load_refused(const struct bvf_program *prog, const struct bvf_kernel *k,
		      uint32_t prog_type, uint32_t attach_type, struct bv_result *res)
{
	char last[96] = "", note[BV_MSG_MAX];
	const char *sec = bvf_program_section(prog);
	int64_t max;

	if (prog_type == BV_PROG_TYPE_LIRC_MODE2 && bvf_kernel_has_func(k, "lirc_prog_attach") == 0) {
		snprintf(note, sizeof(note),
			 "section '%s' makes it a lirc_mode2 program; this kernel was built without lirc_mode2 support (its BTF has no lirc_prog_attach), so bpf(BPF_PROG_LOAD) fails with EINVAL before the verifier runs",
			 sec ? sec : "?");
		refuse(prog, res, note);
		return true;
	}
	/* Only the program types whose load checks the attach type. */
	if (prog_type != BV_PROG_TYPE_CGROUP_SOCK_ADDR && prog_type != BV_PROG_TYPE_CGROUP_SOCK &&
	    prog_type != BV_PROG_TYPE_CGROUP_SOCKOPT && prog_type != BV_PROG_TYPE_NETFILTER)
		return false;
	max = max_attach_type(k, last, sizeof(last));
	if (max < 0 || (int64_t)attach_type <= max)
		return false;
	snprintf(note, sizeof(note),
		 "section '%s' asks for expected attach type %u, which this kernel's enum bpf_attach_type does not have (the last is %s = %lld), so bpf(BPF_PROG_LOAD) fails with EINVAL before the verifier runs",
		 sec ? sec : "?", attach_type, last, (long long)max);
	refuse(prog, res, note);
	return true;
}
