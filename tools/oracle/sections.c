/*
 * sections.c - owns the program types of ELF sections that the libbpf the
 * oracle links does not know.  Debian's libbpf 1.1.2 leaves a program of
 * such a section without a type ("missing BPF prog type"), so the kernel
 * would never be asked.  The facts below are libbpf 1.6's section table
 * (program type, expected attach type, sleepable flag) for the sections
 * added after 1.1; numbers are the UAPI values, because the installed
 * headers may predate the enumerators.  A kernel that lacks the type or the
 * attach type then refuses the load itself, which is the answer we want.
 */
#include <stdbool.h>
#include <string.h>

#include <bpf/libbpf.h>
#include <linux/bpf.h>

#include "oracle.h"

#define PT_SCHED_CLS 3
#define PT_SK_SKB 14
#define PT_KPROBE 2
#define PT_CGROUP_SOCK_ADDR 18
#define PT_NETFILTER 32

#define AT_SK_SKB_VERDICT 38
#define AT_NETFILTER 45
#define AT_TCX_INGRESS 46
#define AT_TCX_EGRESS 47
#define AT_TRACE_UPROBE_MULTI 48
#define AT_CGROUP_UNIX_CONNECT 49
#define AT_CGROUP_UNIX_SENDMSG 50
#define AT_CGROUP_UNIX_RECVMSG 51
#define AT_CGROUP_UNIX_GETPEERNAME 52
#define AT_CGROUP_UNIX_GETSOCKNAME 53
#define AT_NETKIT_PRIMARY 54
#define AT_NETKIT_PEER 55
#define AT_TRACE_KPROBE_SESSION 56
#define AT_TRACE_UPROBE_SESSION 57

#define F_SLEEPABLE 16 /* BPF_F_SLEEPABLE */

struct oracle_section {
	const char *name;
	bool prefix;         /* libbpf's "+": the name, or the name and "/..." */
	unsigned prog_type;
	unsigned attach_type;
	unsigned flags;
};

static const struct oracle_section sections[] = {
	{ "cgroup/connect_unix", false, PT_CGROUP_SOCK_ADDR, AT_CGROUP_UNIX_CONNECT, 0 },
	{ "cgroup/sendmsg_unix", false, PT_CGROUP_SOCK_ADDR, AT_CGROUP_UNIX_SENDMSG, 0 },
	{ "cgroup/recvmsg_unix", false, PT_CGROUP_SOCK_ADDR, AT_CGROUP_UNIX_RECVMSG, 0 },
	{ "cgroup/getpeername_unix", false, PT_CGROUP_SOCK_ADDR, AT_CGROUP_UNIX_GETPEERNAME, 0 },
	{ "cgroup/getsockname_unix", false, PT_CGROUP_SOCK_ADDR, AT_CGROUP_UNIX_GETSOCKNAME, 0 },
	{ "netfilter", false, PT_NETFILTER, AT_NETFILTER, 0 },
	{ "tcx/ingress", false, PT_SCHED_CLS, AT_TCX_INGRESS, 0 },
	{ "tcx/egress", false, PT_SCHED_CLS, AT_TCX_EGRESS, 0 },
	{ "tc/ingress", false, PT_SCHED_CLS, AT_TCX_INGRESS, 0 },
	{ "tc/egress", false, PT_SCHED_CLS, AT_TCX_EGRESS, 0 },
	{ "netkit/primary", false, PT_SCHED_CLS, AT_NETKIT_PRIMARY, 0 },
	{ "netkit/peer", false, PT_SCHED_CLS, AT_NETKIT_PEER, 0 },
	{ "uprobe.multi.s", true, PT_KPROBE, AT_TRACE_UPROBE_MULTI, F_SLEEPABLE },
	{ "uretprobe.multi.s", true, PT_KPROBE, AT_TRACE_UPROBE_MULTI, F_SLEEPABLE },
	{ "uprobe.multi", true, PT_KPROBE, AT_TRACE_UPROBE_MULTI, 0 },
	{ "uretprobe.multi", true, PT_KPROBE, AT_TRACE_UPROBE_MULTI, 0 },
	{ "kprobe.session", true, PT_KPROBE, AT_TRACE_KPROBE_SESSION, 0 },
	{ "uprobe.session.s", true, PT_KPROBE, AT_TRACE_UPROBE_SESSION, F_SLEEPABLE },
	{ "uprobe.session", true, PT_KPROBE, AT_TRACE_UPROBE_SESSION, 0 },
	{ "sk_skb/verdict", false, PT_SK_SKB, AT_SK_SKB_VERDICT, 0 },
};

static bool section_matches(const struct oracle_section *s, const char *sec)
{
	size_t n = strlen(s->name);

	if (strncmp(sec, s->name, n) != 0)
		return false;
	return sec[n] == '\0' || (s->prefix && sec[n] == '/');
}

const char *oracle_section_fix(struct bpf_program *prog)
{
	const char *sec = bpf_program__section_name(prog);

	if (!sec || bpf_program__type(prog) != BPF_PROG_TYPE_UNSPEC)
		return NULL;
	if (sec[0] == '?')
		sec++;
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		const struct oracle_section *s = &sections[i];

		if (!section_matches(s, sec))
			continue;
		bpf_program__set_type(prog, (enum bpf_prog_type)s->prog_type);
		bpf_program__set_expected_attach_type(prog, (enum bpf_attach_type)s->attach_type);
		if (s->flags)
			bpf_program__set_flags(prog, bpf_program__flags(prog) | s->flags);
		return s->name;
	}
	return NULL;
}
