/* obj_sections.c — section name → program type, expected attach type,
 * attach target and sleepability, by libbpf's conventions; and the names
 * libbpf prints for program types (bvf_prog_type_name).
 *
 * The table restates, as our own data, the entries of current libbpf's
 * section_defs (src/libbpf.c), in libbpf's order: the first match wins.
 * Matching rules, as libbpf 1.x applies them (no "sloppy" prefixes any more):
 *   "name"   matches exactly "name";
 *   "name+"  matches "name" or "name/<anything>";
 *   "name/"  matches "name/<anything>".
 * Attach-type values are the kernel's enum bpf_attach_type (UAPI numbers).
 */
#include <stddef.h>
#include <string.h>

#include "obj_internal.h"

enum obj_attach {
	AT_NONE = 0,   /* expected_attach_type 0 (== BPF_CGROUP_INET_INGRESS, as libbpf leaves it) */
	AT_CGROUP_INET_INGRESS = 0,
	AT_CGROUP_INET_EGRESS = 1,
	AT_CGROUP_INET_SOCK_CREATE = 2,
	AT_CGROUP_SOCK_OPS = 3,
	AT_SK_SKB_STREAM_PARSER = 4,
	AT_SK_SKB_STREAM_VERDICT = 5,
	AT_CGROUP_DEVICE = 6,
	AT_SK_MSG_VERDICT = 7,
	AT_CGROUP_INET4_BIND = 8,
	AT_CGROUP_INET6_BIND = 9,
	AT_CGROUP_INET4_CONNECT = 10,
	AT_CGROUP_INET6_CONNECT = 11,
	AT_CGROUP_INET4_POST_BIND = 12,
	AT_CGROUP_INET6_POST_BIND = 13,
	AT_CGROUP_UDP4_SENDMSG = 14,
	AT_CGROUP_UDP6_SENDMSG = 15,
	AT_LIRC_MODE2 = 16,
	AT_FLOW_DISSECTOR = 17,
	AT_CGROUP_SYSCTL = 18,
	AT_CGROUP_UDP4_RECVMSG = 19,
	AT_CGROUP_UDP6_RECVMSG = 20,
	AT_CGROUP_GETSOCKOPT = 21,
	AT_CGROUP_SETSOCKOPT = 22,
	AT_TRACE_RAW_TP = 23,
	AT_TRACE_FENTRY = 24,
	AT_TRACE_FEXIT = 25,
	AT_MODIFY_RETURN = 26,
	AT_LSM_MAC = 27,
	AT_TRACE_ITER = 28,
	AT_CGROUP_INET4_GETPEERNAME = 29,
	AT_CGROUP_INET6_GETPEERNAME = 30,
	AT_CGROUP_INET4_GETSOCKNAME = 31,
	AT_CGROUP_INET6_GETSOCKNAME = 32,
	AT_XDP_DEVMAP = 33,
	AT_CGROUP_INET_SOCK_RELEASE = 34,
	AT_XDP_CPUMAP = 35,
	AT_SK_LOOKUP = 36,
	AT_XDP = 37,
	AT_SK_SKB_VERDICT = 38,
	AT_SK_REUSEPORT_SELECT = 39,
	AT_SK_REUSEPORT_SELECT_OR_MIGRATE = 40,
	AT_PERF_EVENT = 41,
	AT_TRACE_KPROBE_MULTI = 42,
	AT_LSM_CGROUP = 43,
	AT_STRUCT_OPS = 44,
	AT_NETFILTER = 45,
	AT_TCX_INGRESS = 46,
	AT_TCX_EGRESS = 47,
	AT_TRACE_UPROBE_MULTI = 48,
	AT_CGROUP_UNIX_CONNECT = 49,
	AT_CGROUP_UNIX_SENDMSG = 50,
	AT_CGROUP_UNIX_RECVMSG = 51,
	AT_CGROUP_UNIX_GETPEERNAME = 52,
	AT_CGROUP_UNIX_GETSOCKNAME = 53,
	AT_NETKIT_PRIMARY = 54,
	AT_NETKIT_PEER = 55,
	AT_TRACE_KPROBE_SESSION = 56,
	AT_TRACE_UPROBE_SESSION = 57,
};

/* How the attach target is cut out of "<prefix>/<rest>". */
enum target_rule {
	TGT_NONE = 0,   /* no target */
	TGT_REST,       /* everything after "prefix/" */
	TGT_FUNC,       /* kprobes: "func[+offset]" → "func" */
	TGT_LAST,       /* tracepoints: "category/name" → "name" */
};

#define SLEEPABLE 1

struct secdef {
	const char *sec;
	uint8_t prog_type;
	uint8_t attach_type;
	uint8_t flags;
	uint8_t target;
};

#define P(x) BV_PROG_TYPE_##x
static const struct secdef secdefs[] = {
	{ "socket",                P(SOCKET_FILTER), AT_NONE, 0, TGT_NONE },
	{ "sk_reuseport/migrate",  P(SK_REUSEPORT), AT_SK_REUSEPORT_SELECT_OR_MIGRATE, 0, TGT_NONE },
	{ "sk_reuseport",          P(SK_REUSEPORT), AT_SK_REUSEPORT_SELECT, 0, TGT_NONE },
	{ "kprobe+",               P(KPROBE), AT_NONE, 0, TGT_FUNC },
	{ "uprobe+",               P(KPROBE), AT_NONE, 0, TGT_REST },
	{ "uprobe.s+",             P(KPROBE), AT_NONE, SLEEPABLE, TGT_REST },
	{ "kretprobe+",            P(KPROBE), AT_NONE, 0, TGT_FUNC },
	{ "uretprobe+",            P(KPROBE), AT_NONE, 0, TGT_REST },
	{ "uretprobe.s+",          P(KPROBE), AT_NONE, SLEEPABLE, TGT_REST },
	{ "kprobe.multi+",         P(KPROBE), AT_TRACE_KPROBE_MULTI, 0, TGT_REST },
	{ "kretprobe.multi+",      P(KPROBE), AT_TRACE_KPROBE_MULTI, 0, TGT_REST },
	{ "kprobe.session+",       P(KPROBE), AT_TRACE_KPROBE_SESSION, 0, TGT_REST },
	{ "uprobe.multi+",         P(KPROBE), AT_TRACE_UPROBE_MULTI, 0, TGT_REST },
	{ "uretprobe.multi+",      P(KPROBE), AT_TRACE_UPROBE_MULTI, 0, TGT_REST },
	{ "uprobe.session+",       P(KPROBE), AT_TRACE_UPROBE_SESSION, 0, TGT_REST },
	{ "uprobe.multi.s+",       P(KPROBE), AT_TRACE_UPROBE_MULTI, SLEEPABLE, TGT_REST },
	{ "uretprobe.multi.s+",    P(KPROBE), AT_TRACE_UPROBE_MULTI, SLEEPABLE, TGT_REST },
	{ "uprobe.session.s+",     P(KPROBE), AT_TRACE_UPROBE_SESSION, SLEEPABLE, TGT_REST },
	{ "ksyscall+",             P(KPROBE), AT_NONE, 0, TGT_REST },
	{ "kretsyscall+",          P(KPROBE), AT_NONE, 0, TGT_REST },
	{ "usdt+",                 P(KPROBE), AT_NONE, 0, TGT_REST },
	{ "usdt.s+",               P(KPROBE), AT_NONE, SLEEPABLE, TGT_REST },
	{ "tc/ingress",            P(SCHED_CLS), AT_TCX_INGRESS, 0, TGT_NONE },  /* alias for tcx */
	{ "tc/egress",             P(SCHED_CLS), AT_TCX_EGRESS, 0, TGT_NONE },   /* alias for tcx */
	{ "tcx/ingress",           P(SCHED_CLS), AT_TCX_INGRESS, 0, TGT_NONE },
	{ "tcx/egress",            P(SCHED_CLS), AT_TCX_EGRESS, 0, TGT_NONE },
	{ "tc",                    P(SCHED_CLS), AT_NONE, 0, TGT_NONE },
	{ "classifier",            P(SCHED_CLS), AT_NONE, 0, TGT_NONE },
	{ "action",                P(SCHED_ACT), AT_NONE, 0, TGT_NONE },
	{ "netkit/primary",        P(SCHED_CLS), AT_NETKIT_PRIMARY, 0, TGT_NONE },
	{ "netkit/peer",           P(SCHED_CLS), AT_NETKIT_PEER, 0, TGT_NONE },
	{ "tracepoint+",           P(TRACEPOINT), AT_NONE, 0, TGT_LAST },
	{ "tp+",                   P(TRACEPOINT), AT_NONE, 0, TGT_LAST },
	{ "raw_tracepoint+",       P(RAW_TRACEPOINT), AT_NONE, 0, TGT_REST },
	{ "raw_tp+",               P(RAW_TRACEPOINT), AT_NONE, 0, TGT_REST },
	{ "raw_tracepoint.w+",     P(RAW_TRACEPOINT_WRITABLE), AT_NONE, 0, TGT_REST },
	{ "raw_tp.w+",             P(RAW_TRACEPOINT_WRITABLE), AT_NONE, 0, TGT_REST },
	{ "tp_btf+",               P(TRACING), AT_TRACE_RAW_TP, 0, TGT_REST },
	{ "fentry+",               P(TRACING), AT_TRACE_FENTRY, 0, TGT_REST },
	{ "fmod_ret+",             P(TRACING), AT_MODIFY_RETURN, 0, TGT_REST },
	{ "fexit+",                P(TRACING), AT_TRACE_FEXIT, 0, TGT_REST },
	{ "fentry.s+",             P(TRACING), AT_TRACE_FENTRY, SLEEPABLE, TGT_REST },
	{ "fmod_ret.s+",           P(TRACING), AT_MODIFY_RETURN, SLEEPABLE, TGT_REST },
	{ "fexit.s+",              P(TRACING), AT_TRACE_FEXIT, SLEEPABLE, TGT_REST },
	{ "freplace+",             P(EXT), AT_NONE, 0, TGT_REST },
	{ "lsm+",                  P(LSM), AT_LSM_MAC, 0, TGT_REST },
	{ "lsm.s+",                P(LSM), AT_LSM_MAC, SLEEPABLE, TGT_REST },
	{ "lsm_cgroup+",           P(LSM), AT_LSM_CGROUP, 0, TGT_REST },
	{ "iter+",                 P(TRACING), AT_TRACE_ITER, 0, TGT_REST },
	{ "iter.s+",               P(TRACING), AT_TRACE_ITER, SLEEPABLE, TGT_REST },
	{ "syscall",               P(SYSCALL), AT_NONE, SLEEPABLE, TGT_NONE },
	{ "xdp.frags/devmap",      P(XDP), AT_XDP_DEVMAP, 0, TGT_NONE },
	{ "xdp/devmap",            P(XDP), AT_XDP_DEVMAP, 0, TGT_NONE },
	{ "xdp.frags/cpumap",      P(XDP), AT_XDP_CPUMAP, 0, TGT_NONE },
	{ "xdp/cpumap",            P(XDP), AT_XDP_CPUMAP, 0, TGT_NONE },
	{ "xdp.frags",             P(XDP), AT_XDP, 0, TGT_NONE },
	{ "xdp",                   P(XDP), AT_XDP, 0, TGT_NONE },
	{ "perf_event",            P(PERF_EVENT), AT_NONE, 0, TGT_NONE },
	{ "lwt_in",                P(LWT_IN), AT_NONE, 0, TGT_NONE },
	{ "lwt_out",               P(LWT_OUT), AT_NONE, 0, TGT_NONE },
	{ "lwt_xmit",              P(LWT_XMIT), AT_NONE, 0, TGT_NONE },
	{ "lwt_seg6local",         P(LWT_SEG6LOCAL), AT_NONE, 0, TGT_NONE },
	{ "sockops",               P(SOCK_OPS), AT_CGROUP_SOCK_OPS, 0, TGT_NONE },
	{ "sk_skb/stream_parser",  P(SK_SKB), AT_SK_SKB_STREAM_PARSER, 0, TGT_NONE },
	{ "sk_skb/stream_verdict", P(SK_SKB), AT_SK_SKB_STREAM_VERDICT, 0, TGT_NONE },
	{ "sk_skb/verdict",        P(SK_SKB), AT_SK_SKB_VERDICT, 0, TGT_NONE },
	{ "sk_skb",                P(SK_SKB), AT_NONE, 0, TGT_NONE },
	{ "sk_msg",                P(SK_MSG), AT_SK_MSG_VERDICT, 0, TGT_NONE },
	{ "lirc_mode2",            P(LIRC_MODE2), AT_LIRC_MODE2, 0, TGT_NONE },
	{ "flow_dissector",        P(FLOW_DISSECTOR), AT_FLOW_DISSECTOR, 0, TGT_NONE },
	{ "cgroup_skb/ingress",    P(CGROUP_SKB), AT_CGROUP_INET_INGRESS, 0, TGT_NONE },
	{ "cgroup_skb/egress",     P(CGROUP_SKB), AT_CGROUP_INET_EGRESS, 0, TGT_NONE },
	{ "cgroup/skb",            P(CGROUP_SKB), AT_NONE, 0, TGT_NONE },
	{ "cgroup/sock_create",    P(CGROUP_SOCK), AT_CGROUP_INET_SOCK_CREATE, 0, TGT_NONE },
	{ "cgroup/sock_release",   P(CGROUP_SOCK), AT_CGROUP_INET_SOCK_RELEASE, 0, TGT_NONE },
	{ "cgroup/sock",           P(CGROUP_SOCK), AT_CGROUP_INET_SOCK_CREATE, 0, TGT_NONE },
	{ "cgroup/post_bind4",     P(CGROUP_SOCK), AT_CGROUP_INET4_POST_BIND, 0, TGT_NONE },
	{ "cgroup/post_bind6",     P(CGROUP_SOCK), AT_CGROUP_INET6_POST_BIND, 0, TGT_NONE },
	{ "cgroup/bind4",          P(CGROUP_SOCK_ADDR), AT_CGROUP_INET4_BIND, 0, TGT_NONE },
	{ "cgroup/bind6",          P(CGROUP_SOCK_ADDR), AT_CGROUP_INET6_BIND, 0, TGT_NONE },
	{ "cgroup/connect4",       P(CGROUP_SOCK_ADDR), AT_CGROUP_INET4_CONNECT, 0, TGT_NONE },
	{ "cgroup/connect6",       P(CGROUP_SOCK_ADDR), AT_CGROUP_INET6_CONNECT, 0, TGT_NONE },
	{ "cgroup/connect_unix",   P(CGROUP_SOCK_ADDR), AT_CGROUP_UNIX_CONNECT, 0, TGT_NONE },
	{ "cgroup/sendmsg4",       P(CGROUP_SOCK_ADDR), AT_CGROUP_UDP4_SENDMSG, 0, TGT_NONE },
	{ "cgroup/sendmsg6",       P(CGROUP_SOCK_ADDR), AT_CGROUP_UDP6_SENDMSG, 0, TGT_NONE },
	{ "cgroup/sendmsg_unix",   P(CGROUP_SOCK_ADDR), AT_CGROUP_UNIX_SENDMSG, 0, TGT_NONE },
	{ "cgroup/recvmsg4",       P(CGROUP_SOCK_ADDR), AT_CGROUP_UDP4_RECVMSG, 0, TGT_NONE },
	{ "cgroup/recvmsg6",       P(CGROUP_SOCK_ADDR), AT_CGROUP_UDP6_RECVMSG, 0, TGT_NONE },
	{ "cgroup/recvmsg_unix",   P(CGROUP_SOCK_ADDR), AT_CGROUP_UNIX_RECVMSG, 0, TGT_NONE },
	{ "cgroup/getpeername4",   P(CGROUP_SOCK_ADDR), AT_CGROUP_INET4_GETPEERNAME, 0, TGT_NONE },
	{ "cgroup/getpeername6",   P(CGROUP_SOCK_ADDR), AT_CGROUP_INET6_GETPEERNAME, 0, TGT_NONE },
	{ "cgroup/getpeername_unix", P(CGROUP_SOCK_ADDR), AT_CGROUP_UNIX_GETPEERNAME, 0, TGT_NONE },
	{ "cgroup/getsockname4",   P(CGROUP_SOCK_ADDR), AT_CGROUP_INET4_GETSOCKNAME, 0, TGT_NONE },
	{ "cgroup/getsockname6",   P(CGROUP_SOCK_ADDR), AT_CGROUP_INET6_GETSOCKNAME, 0, TGT_NONE },
	{ "cgroup/getsockname_unix", P(CGROUP_SOCK_ADDR), AT_CGROUP_UNIX_GETSOCKNAME, 0, TGT_NONE },
	{ "cgroup/sysctl",         P(CGROUP_SYSCTL), AT_CGROUP_SYSCTL, 0, TGT_NONE },
	{ "cgroup/getsockopt",     P(CGROUP_SOCKOPT), AT_CGROUP_GETSOCKOPT, 0, TGT_NONE },
	{ "cgroup/setsockopt",     P(CGROUP_SOCKOPT), AT_CGROUP_SETSOCKOPT, 0, TGT_NONE },
	{ "cgroup/dev",            P(CGROUP_DEVICE), AT_CGROUP_DEVICE, 0, TGT_NONE },
	{ "struct_ops+",           P(STRUCT_OPS), AT_NONE, 0, TGT_REST },
	{ "struct_ops.s+",         P(STRUCT_OPS), AT_NONE, SLEEPABLE, TGT_REST },
	{ "sk_lookup",             P(SK_LOOKUP), AT_SK_LOOKUP, 0, TGT_NONE },
	{ "netfilter",             P(NETFILTER), AT_NETFILTER, 0, TGT_NONE },
};
#undef P

/* Returns the length of the part of `name` after the matched prefix
 * (pointing at '/' or '\0'), or -1 when `d` does not match. */
static ptrdiff_t match(const struct secdef *d, const char *name)
{
	size_t len = strlen(d->sec);

	if (d->sec[len - 1] == '/')
		return strncmp(name, d->sec, len) == 0 ? (ptrdiff_t)len - 1 : -1;
	if (d->sec[len - 1] == '+') {
		len--;
		if (strncmp(name, d->sec, len) != 0)
			return -1;
		return name[len] == '\0' || name[len] == '/' ? (ptrdiff_t)len : -1;
	}
	return strcmp(name, d->sec) == 0 ? (ptrdiff_t)len : -1;
}

bool obj_section_lookup(const char *sec_name, struct obj_sec_info *info)
{
	memset(info, 0, sizeof(*info));
	/* libbpf: a leading '?' only switches autoload off ("?tc", "?kprobe/x");
	 * the rest of the name decides the type. bpfverify verifies the
	 * program as a loader that switches autoload back on would load it. */
	if (sec_name[0] == '?')
		sec_name++;
	for (size_t i = 0; i < sizeof(secdefs) / sizeof(secdefs[0]); i++) {
		const struct secdef *d = &secdefs[i];
		ptrdiff_t at = match(d, sec_name);
		const char *rest;

		if (at < 0)
			continue;
		info->prog_type = d->prog_type;
		info->attach_type = d->attach_type;
		info->sleepable = d->flags & SLEEPABLE;
		rest = sec_name[at] == '/' ? sec_name + at + 1 : NULL;
		if (rest && *rest && d->target != TGT_NONE) {
			if (d->target == TGT_LAST) {
				const char *slash = strrchr(rest, '/');

				rest = slash ? slash + 1 : rest;
			}
			info->target_len = d->target == TGT_FUNC ? strcspn(rest, "+") : strlen(rest);
			info->target = info->target_len ? rest : NULL;
		}
		return true;
	}
	return false;
}

/* Our own table rather than libbpf's libbpf_bpf_prog_type_str(): Debian's
 * libbpf 1.1 stops before "netfilter"; this one covers every type of
 * types.h. */
const char *bvf_prog_type_name(uint32_t prog_type)
{
	static const char *const names[] = {
		[BV_PROG_TYPE_UNSPEC] = "unspec",
		[BV_PROG_TYPE_SOCKET_FILTER] = "socket_filter",
		[BV_PROG_TYPE_KPROBE] = "kprobe",
		[BV_PROG_TYPE_SCHED_CLS] = "sched_cls",
		[BV_PROG_TYPE_SCHED_ACT] = "sched_act",
		[BV_PROG_TYPE_TRACEPOINT] = "tracepoint",
		[BV_PROG_TYPE_XDP] = "xdp",
		[BV_PROG_TYPE_PERF_EVENT] = "perf_event",
		[BV_PROG_TYPE_CGROUP_SKB] = "cgroup_skb",
		[BV_PROG_TYPE_CGROUP_SOCK] = "cgroup_sock",
		[BV_PROG_TYPE_LWT_IN] = "lwt_in",
		[BV_PROG_TYPE_LWT_OUT] = "lwt_out",
		[BV_PROG_TYPE_LWT_XMIT] = "lwt_xmit",
		[BV_PROG_TYPE_SOCK_OPS] = "sock_ops",
		[BV_PROG_TYPE_SK_SKB] = "sk_skb",
		[BV_PROG_TYPE_CGROUP_DEVICE] = "cgroup_device",
		[BV_PROG_TYPE_SK_MSG] = "sk_msg",
		[BV_PROG_TYPE_RAW_TRACEPOINT] = "raw_tracepoint",
		[BV_PROG_TYPE_CGROUP_SOCK_ADDR] = "cgroup_sock_addr",
		[BV_PROG_TYPE_LWT_SEG6LOCAL] = "lwt_seg6local",
		[BV_PROG_TYPE_LIRC_MODE2] = "lirc_mode2",
		[BV_PROG_TYPE_SK_REUSEPORT] = "sk_reuseport",
		[BV_PROG_TYPE_FLOW_DISSECTOR] = "flow_dissector",
		[BV_PROG_TYPE_CGROUP_SYSCTL] = "cgroup_sysctl",
		[BV_PROG_TYPE_RAW_TRACEPOINT_WRITABLE] = "raw_tracepoint_writable",
		[BV_PROG_TYPE_CGROUP_SOCKOPT] = "cgroup_sockopt",
		[BV_PROG_TYPE_TRACING] = "tracing",
		[BV_PROG_TYPE_STRUCT_OPS] = "struct_ops",
		[BV_PROG_TYPE_EXT] = "ext",
		[BV_PROG_TYPE_LSM] = "lsm",
		[BV_PROG_TYPE_SK_LOOKUP] = "sk_lookup",
		[BV_PROG_TYPE_SYSCALL] = "syscall",
		[BV_PROG_TYPE_NETFILTER] = "netfilter",
	};

	if (prog_type >= sizeof(names) / sizeof(names[0]))
		return NULL;
	return names[prog_type];
}
