/* kb_protos_cgroup.c — prototypes of the helpers the cgroup program types
 * and their neighbours (kb_prog_cgroup.c) call, as Linux 6.18 declares
 * them, in the bv_helper_proto encoding.
 *
 * Where the kernel keeps a variant of a helper per context (get_socket_
 * cookie for a sock_addr or a sock context, get_netns_cookie taking a
 * context that may be NULL, sk_storage_get taking the socket context of
 * cgroup/sock programs, the sk_lookup_tcp family taking a sock_addr
 * context), the variant is chosen by program type here. bpf_strtol and
 * bpf_strtoul (kernel/bpf/helpers.c: sysctl programs parse their values
 * with them), bpf_get_local_storage, bpf_get_retval/set_retval,
 * bpf_current_task_under_cgroup, bpf_get_current_ancestor_cgroup_id and
 * bpf_get_ns_current_pid_tgid (container-aware cgroup hooks) have one
 * prototype for every program type and are answered for all.
 */
#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include "kb_cgroup.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#define RDONLY_MEM (BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY)
#define UNINIT_MEM (BV_ARG_PTR_TO_MEM | BV_MEM_UNINIT | BV_MEM_WRITE)
#define FIXED_OUT_MEM (BV_ARG_PTR_TO_MEM | BV_MEM_FIXED_SIZE | BV_MEM_UNINIT | BV_MEM_WRITE)
#define CTX_OR_NULL (BV_ARG_PTR_TO_CTX | BV_PTR_MAYBE_NULL)

#define PROTO(id, ...) { .name = "bpf_" #id, .func_id = BPF_FUNC_##id, __VA_ARGS__ }

/* Helpers whose prototype does not depend on the context. */
static const struct bv_helper_proto common[] = {
	/* kernel/bpf/cgroup.c */
	PROTO(sysctl_get_name, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_PTR_TO_MEM | BV_MEM_WRITE,
			    BV_ARG_CONST_SIZE, BV_ARG_ANYTHING }),
	PROTO(sysctl_get_current_value, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, UNINIT_MEM, BV_ARG_CONST_SIZE }),
	PROTO(sysctl_get_new_value, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, UNINIT_MEM, BV_ARG_CONST_SIZE }),
	PROTO(sysctl_set_new_value, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, RDONLY_MEM, BV_ARG_CONST_SIZE }),
	/* net/core/filter.c: sock_addr */
	PROTO(bind, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, RDONLY_MEM, BV_ARG_CONST_SIZE }),
	/* net/core/filter.c: sk_lookup */
	PROTO(sk_assign, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL,
			    BV_ARG_ANYTHING }),
	PROTO(sk_release, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON | BV_OBJ_RELEASE }),
	/* kernel/bpf/syscall.c, kernel/bpf/btf.c: syscall programs */
	PROTO(sys_bpf, .might_sleep = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_ANYTHING, RDONLY_MEM, BV_ARG_CONST_SIZE }),
	PROTO(btf_find_by_name_kind, .might_sleep = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { RDONLY_MEM, BV_ARG_CONST_SIZE, BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
	PROTO(sys_close, .might_sleep = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_ANYTHING }),
	PROTO(kallsyms_lookup_name, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_MEM, BV_ARG_CONST_SIZE_OR_ZERO, BV_ARG_ANYTHING,
			    FIXED_OUT_MEM },
	      .arg_size = { 0, 0, 0, 8 }),
	/* drivers/media/rc/bpf-lirc.c */
	PROTO(rc_repeat, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX }),
	PROTO(rc_keydown, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING, BV_ARG_ANYTHING,
			    BV_ARG_ANYTHING }),
	PROTO(rc_pointer_rel, .gpl_only = 1, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
};

/* Prototypes that are the same for every program type that may call
 * them: the cgroup helpers every cgroup hook shares (the base helpers of
 * kernel/bpf/helpers.c, strtol and the current-task cgroup helpers
 * included, are kb_protos_base.c's). */
static const struct bv_helper_proto any_type[] = {
	PROTO(get_retval, .ret_type = BV_RET_INTEGER),
	PROTO(set_retval, .ret_type = BV_RET_INTEGER, .arg_type = { BV_ARG_ANYTHING }),
};

/* Context-taking variants. */
static const struct bv_helper_proto cookie_ctx =
	PROTO(get_socket_cookie, .ret_type = BV_RET_INTEGER, .arg_type = { BV_ARG_PTR_TO_CTX });
static const struct bv_helper_proto netns_cookie_ctx_or_null =
	PROTO(get_netns_cookie, .ret_type = BV_RET_INTEGER, .arg_type = { CTX_OR_NULL });
static const struct bv_helper_proto sk_storage_get_cg_sock =
	PROTO(sk_storage_get, .ret_type = BV_RET_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL,
	      .arg_type = { BV_ARG_CONST_MAP_PTR, BV_ARG_PTR_TO_CTX,
			    BV_ARG_PTR_TO_MAP_VALUE | BV_PTR_MAYBE_NULL, BV_ARG_ANYTHING });
static const struct bv_helper_proto sock_addr_protos[] = {
	PROTO(setsockopt, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING, BV_ARG_ANYTHING, RDONLY_MEM,
			    BV_ARG_CONST_SIZE }),
	PROTO(getsockopt, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_CTX, BV_ARG_ANYTHING, BV_ARG_ANYTHING, UNINIT_MEM,
			    BV_ARG_CONST_SIZE }),
	PROTO(sk_lookup_tcp, .acquires_ref = 1,
	      .ret_type = BV_RET_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL,
	      .arg_type = { BV_ARG_PTR_TO_CTX, RDONLY_MEM, BV_ARG_CONST_SIZE_OR_ZERO,
			    BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
	PROTO(sk_lookup_udp, .acquires_ref = 1,
	      .ret_type = BV_RET_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL,
	      .arg_type = { BV_ARG_PTR_TO_CTX, RDONLY_MEM, BV_ARG_CONST_SIZE_OR_ZERO,
			    BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
	PROTO(skc_lookup_tcp, .acquires_ref = 1,
	      .ret_type = BV_RET_PTR_TO_SOCK_COMMON | BV_PTR_MAYBE_NULL,
	      .arg_type = { BV_ARG_PTR_TO_CTX, RDONLY_MEM, BV_ARG_CONST_SIZE_OR_ZERO,
			    BV_ARG_ANYTHING, BV_ARG_ANYTHING }),
};

/* cgroup_sockopt: the socket-level variants, on ctx->sk. */
static const struct bv_helper_proto sockopt_protos[] = {
	PROTO(setsockopt, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON, BV_ARG_ANYTHING, BV_ARG_ANYTHING,
			    RDONLY_MEM, BV_ARG_CONST_SIZE }),
	PROTO(getsockopt, .ret_type = BV_RET_INTEGER,
	      .arg_type = { BV_ARG_PTR_TO_BTF_ID_SOCK_COMMON, BV_ARG_ANYTHING, BV_ARG_ANYTHING,
			    UNINIT_MEM, BV_ARG_CONST_SIZE }),
	PROTO(tcp_sock, .ret_type = BV_RET_PTR_TO_TCP_SOCK | BV_PTR_MAYBE_NULL,
	      .arg_type = { BV_ARG_PTR_TO_SOCK_COMMON }),
};

static const struct bv_helper_proto *find(const struct bv_helper_proto *p, size_t n, int32_t id)
{
	for (size_t i = 0; i < n; i++)
		if (p[i].func_id == id)
			return &p[i];
	return NULL;
}

const struct bv_helper_proto *bvf_kb_cgroup_proto(const struct bvf_kb_env *env, int32_t id)
{
	uint32_t pt = env->prog_type;
	const struct bv_helper_proto *p = find(any_type, ARRAY_LEN(any_type), id);

	if (p)
		return p;
	if (!bvf_kb_cgroup_prog_type(pt))
		return NULL;
	switch (id) {
	case BPF_FUNC_get_socket_cookie:
		if (pt == BV_PROG_TYPE_CGROUP_SOCK_ADDR || pt == BV_PROG_TYPE_CGROUP_SOCK)
			return &cookie_ctx;
		return NULL;
	case BPF_FUNC_get_netns_cookie:
		if (pt == BV_PROG_TYPE_CGROUP_SOCK_ADDR || pt == BV_PROG_TYPE_CGROUP_SOCK ||
		    pt == BV_PROG_TYPE_CGROUP_SOCKOPT)
			return &netns_cookie_ctx_or_null;
		return NULL;
	case BPF_FUNC_sk_storage_get:
		/* sock_addr, sockopt: the bpf_sk_storage_get_proto of the
		 * socket helpers (a BTF socket argument), not modelled here. */
		return pt == BV_PROG_TYPE_CGROUP_SOCK ? &sk_storage_get_cg_sock : NULL;
	case BPF_FUNC_setsockopt:
	case BPF_FUNC_getsockopt:
	case BPF_FUNC_tcp_sock:
		if (pt == BV_PROG_TYPE_CGROUP_SOCKOPT)
			return find(sockopt_protos, ARRAY_LEN(sockopt_protos), id);
		if (id == BPF_FUNC_tcp_sock)
			return NULL;
		/* fallthrough */
	case BPF_FUNC_sk_lookup_tcp:
	case BPF_FUNC_sk_lookup_udp:
	case BPF_FUNC_skc_lookup_tcp:
		return pt == BV_PROG_TYPE_CGROUP_SOCK_ADDR ?
		       find(sock_addr_protos, ARRAY_LEN(sock_addr_protos), id) : NULL;
	default:
		return find(common, ARRAY_LEN(common), id);
	}
}
