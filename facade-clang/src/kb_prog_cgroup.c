/* kb_prog_cgroup.c — the cgroup program types and their neighbours:
 * cgroup_sock_addr, cgroup_sock, cgroup_sockopt, cgroup_sysctl,
 * cgroup_device, sk_lookup, netfilter, syscall, lirc_mode2.
 *
 * For each: the context's access rules (the kernel's is_valid_access op of
 * the type, which depend on the expected attach type), the helpers the
 * type's own get_func_proto offers before it falls back to a shared level
 * (kb_helpers.c walks that tail), and the return-value range
 * check_return_code enforces.
 *
 * Layouts are the UAPI structures (struct bpf_sock_addr, bpf_sock,
 * bpf_sockopt, bpf_sysctl, bpf_cgroup_dev_ctx, bpf_sk_lookup) and the
 * kernel's struct bpf_nf_ctx (two pointers). The rules are those of
 * net/core/filter.c, kernel/bpf/cgroup.c, net/netfilter/nf_bpf_link.c and
 * kernel/bpf/syscall.c, identical in 6.1, 6.12 and 6.18 except where the
 * attach types *_unix (6.7) are concerned, which older kernels refuse
 * before verification (facade.c). Availability lists were checked against
 * the live 6.18 kernel: every helper id loaded as root into every attach
 * type listed here, and the ranges with r0 = -1..4.
 */
#include <stddef.h>
#include <stdint.h>

#include <linux/bpf.h>

#include "kb.h"
#include "kb_cgroup.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Attach types newer than some installed UAPI headers (enum
 * bpf_attach_type values). */
#define AT_CGROUP_UNIX_CONNECT 49
#define AT_CGROUP_UNIX_SENDMSG 50
#define AT_CGROUP_UNIX_RECVMSG 51
#define AT_CGROUP_UNIX_GETPEERNAME 52
#define AT_CGROUP_UNIX_GETSOCKNAME 53

/* struct bpf_nf_ctx (include/net/netfilter/nf_bpf_link.h): state, skb. */
#define NF_CTX_SIZE 16
/* syscall_prog_is_valid_access: anything below U16_MAX. */
#define SYSCALL_CTX_SIZE 65535

bool bvf_kb_cgroup_prog_type(uint32_t prog_type)
{
	switch (prog_type) {
	case BV_PROG_TYPE_CGROUP_SOCK_ADDR:
	case BV_PROG_TYPE_CGROUP_SOCK:
	case BV_PROG_TYPE_CGROUP_SOCKOPT:
	case BV_PROG_TYPE_CGROUP_SYSCTL:
	case BV_PROG_TYPE_CGROUP_DEVICE:
	case BV_PROG_TYPE_SK_LOOKUP:
	case BV_PROG_TYPE_NETFILTER:
	case BV_PROG_TYPE_SYSCALL:
	case BV_PROG_TYPE_LIRC_MODE2:
		return true;
	default:
		return false;
	}
}

uint32_t bvf_kb_cgroup_ctx_size(uint32_t prog_type)
{
	switch (prog_type) {
	case BV_PROG_TYPE_CGROUP_SOCK_ADDR: return sizeof(struct bpf_sock_addr);
	case BV_PROG_TYPE_CGROUP_SOCK: return sizeof(struct bpf_sock);
	case BV_PROG_TYPE_CGROUP_SOCKOPT: return sizeof(struct bpf_sockopt);
	case BV_PROG_TYPE_CGROUP_SYSCTL: return sizeof(struct bpf_sysctl);
	case BV_PROG_TYPE_CGROUP_DEVICE: return sizeof(struct bpf_cgroup_dev_ctx);
	case BV_PROG_TYPE_SK_LOOKUP: return sizeof(struct bpf_sk_lookup);
	case BV_PROG_TYPE_NETFILTER: return NF_CTX_SIZE;
	case BV_PROG_TYPE_SYSCALL: return SYSCALL_CTX_SIZE;
	case BV_PROG_TYPE_LIRC_MODE2: return sizeof(uint32_t);
	default: return 0;
	}
}

/* ---- context access ---- */

#define IN(off, type, field) \
	((off) >= (int32_t)offsetof(struct type, field) && \
	 (off) < (int32_t)(offsetof(struct type, field) + sizeof(((struct type *)0)->field)))

/* bpf_ctx_narrow_access_ok: a power of two no larger than the field. */
static bool narrow_ok(uint32_t size, uint32_t field)
{
	return size <= field && (size & (size - 1)) == 0;
}

/* bpf_ctx_wide_access_ok: an aligned u64 inside an array of u32. */
static bool wide_ok(int32_t off, uint32_t size, size_t start, size_t len)
{
	return size == 8 && off % 8 == 0 && (size_t)off >= start && (size_t)off + 8 <= start + len;
}

static void set_info(struct bv_ctx_access_info *info, bv_reg_type type, uint32_t field)
{
	if (!info)
		return;
	info->reg_type = type;
	info->ctx_field_size = field;
	info->btf_id = 0;
	info->mem_size = 0;
}

static bool is_inet4(uint32_t at)
{
	return at == BPF_CGROUP_INET4_BIND || at == BPF_CGROUP_INET4_CONNECT ||
	       at == BPF_CGROUP_INET4_GETPEERNAME || at == BPF_CGROUP_INET4_GETSOCKNAME ||
	       at == BPF_CGROUP_UDP4_SENDMSG || at == BPF_CGROUP_UDP4_RECVMSG;
}

static bool is_inet6(uint32_t at)
{
	return at == BPF_CGROUP_INET6_BIND || at == BPF_CGROUP_INET6_CONNECT ||
	       at == BPF_CGROUP_INET6_GETPEERNAME || at == BPF_CGROUP_INET6_GETSOCKNAME ||
	       at == BPF_CGROUP_UDP6_SENDMSG || at == BPF_CGROUP_UDP6_RECVMSG;
}

/* sock_addr_is_valid_access: the address fields only for the attach
 * types of their family (msg_src_* only for sendmsg), readable narrowly
 * and writable as u32 (u64 inside the IPv6 arrays); family, type and
 * protocol read-only u32; sk a socket pointer. */
static bool sock_addr_access(uint32_t at, int32_t off, uint32_t size, enum bv_access access,
			     struct bv_ctx_access_info *info)
{
	const size_t ip6 = offsetof(struct bpf_sock_addr, user_ip6);
	const size_t src6 = offsetof(struct bpf_sock_addr, msg_src_ip6);
	const size_t ip6_len = sizeof(((struct bpf_sock_addr *)0)->user_ip6);

	if (IN(off, bpf_sock_addr, user_ip4) && !is_inet4(at))
		return false;
	if (IN(off, bpf_sock_addr, user_ip6) && !is_inet6(at))
		return false;
	if (IN(off, bpf_sock_addr, msg_src_ip4) && at != BPF_CGROUP_UDP4_SENDMSG)
		return false;
	if (IN(off, bpf_sock_addr, msg_src_ip6) && at != BPF_CGROUP_UDP6_SENDMSG)
		return false;

	if (IN(off, bpf_sock_addr, user_ip4) || IN(off, bpf_sock_addr, user_ip6) ||
	    IN(off, bpf_sock_addr, msg_src_ip4) || IN(off, bpf_sock_addr, msg_src_ip6) ||
	    IN(off, bpf_sock_addr, user_port)) {
		/* A u64 spanning two words is a whole access, not a narrow one. */
		if (wide_ok(off, size, ip6, ip6_len) || wide_ok(off, size, src6, ip6_len)) {
			set_info(info, BV_SCALAR, 0);
			return true;
		}
		if (access == BV_READ) {
			if (!narrow_ok(size, 4))
				return false;
			set_info(info, BV_SCALAR, 4);
			return true;
		}
		if (size != 4)
			return false;
		set_info(info, BV_SCALAR, 0);
		return true;
	}
	if (off == (int32_t)offsetof(struct bpf_sock_addr, sk)) {
		if (access != BV_READ || size != 8)
			return false;
		set_info(info, BV_PTR_TO_SOCKET, 0);
		return true;
	}
	if (IN(off, bpf_sock_addr, user_family) || IN(off, bpf_sock_addr, family) ||
	    IN(off, bpf_sock_addr, type) || IN(off, bpf_sock_addr, protocol)) {
		if (access != BV_READ || size != 4)
			return false;
		set_info(info, BV_SCALAR, 0);
		return true;
	}
	return false;
}

/* bpf_sock_is_valid_access + __sock_filter_check_attach_type: most fields
 * narrow-readable; bound_dev_if, mark, priority u32 and writable at
 * sock_create/sock_release only; source address and port only for
 * post_bind of their family; dst_port a 2-byte field (u32 loads allowed). */
static bool sock_access(uint32_t at, int32_t off, uint32_t size, enum bv_access access,
			struct bv_ctx_access_info *info)
{
	uint32_t field = 0;
	bool ok;

	if (IN(off, bpf_sock, state) || IN(off, bpf_sock, family) || IN(off, bpf_sock, type) ||
	    IN(off, bpf_sock, protocol) || IN(off, bpf_sock, src_port) ||
	    IN(off, bpf_sock, rx_queue_mapping) || IN(off, bpf_sock, src_ip4) ||
	    IN(off, bpf_sock, src_ip6) || IN(off, bpf_sock, dst_ip4) || IN(off, bpf_sock, dst_ip6)) {
		/* The kernel's switch lists the first byte of state … protocol,
		 * src_port and rx_queue_mapping; other bytes of those fields
		 * fall to the u32 rule below. */
		bool whole_only = (IN(off, bpf_sock, state) || IN(off, bpf_sock, family) ||
				   IN(off, bpf_sock, type) || IN(off, bpf_sock, protocol) ||
				   IN(off, bpf_sock, src_port) ||
				   IN(off, bpf_sock, rx_queue_mapping)) && off % 4;

		field = 4;
		ok = whole_only ? size == 4 : narrow_ok(size, 4);
	} else if (off >= (int32_t)offsetof(struct bpf_sock, dst_port) &&
		   off < (int32_t)offsetof(struct bpf_sock, dst_port) + 2) {
		field = size == 4 ? 4 : 2;
		ok = narrow_ok(size, field);
	} else if (off >= (int32_t)offsetof(struct bpf_sock, dst_port) + 2 &&
		   off < (int32_t)offsetof(struct bpf_sock, dst_ip4)) {
		ok = false;
	} else {
		ok = size == 4;
	}
	if (!ok)
		return false;

	if (off == (int32_t)offsetof(struct bpf_sock, bound_dev_if) ||
	    off == (int32_t)offsetof(struct bpf_sock, mark) ||
	    off == (int32_t)offsetof(struct bpf_sock, priority)) {
		if (at != BPF_CGROUP_INET_SOCK_CREATE && at != BPF_CGROUP_INET_SOCK_RELEASE)
			return false;
	} else if (IN(off, bpf_sock, src_ip4)) {
		if (at != BPF_CGROUP_INET4_POST_BIND || access != BV_READ)
			return false;
	} else if (IN(off, bpf_sock, src_ip6)) {
		if (at != BPF_CGROUP_INET6_POST_BIND || access != BV_READ)
			return false;
	} else if (IN(off, bpf_sock, src_port)) {
		if ((at != BPF_CGROUP_INET4_POST_BIND && at != BPF_CGROUP_INET6_POST_BIND) ||
		    access != BV_READ)
			return false;
	} else if (access != BV_READ) {
		return false;
	}
	set_info(info, BV_SCALAR, access == BV_READ ? field : 0);
	return true;
}

/* cg_sockopt_is_valid_access: sk, optval, optval_end pointers (optval is
 * packet-like memory ending at optval_end); retval only for getsockopt;
 * level and optname writable only by setsockopt; optlen by both. */
static bool sockopt_access(uint32_t at, int32_t off, uint32_t size, enum bv_access access,
			   struct bv_ctx_access_info *info)
{
	const int32_t retval = offsetof(struct bpf_sockopt, retval);

	if (access == BV_WRITE) {
		bool ok;

		if (off == retval)
			ok = at == BPF_CGROUP_GETSOCKOPT;
		else if (off == (int32_t)offsetof(struct bpf_sockopt, optname) ||
			 off == (int32_t)offsetof(struct bpf_sockopt, level))
			ok = at == BPF_CGROUP_SETSOCKOPT;
		else
			ok = off == (int32_t)offsetof(struct bpf_sockopt, optlen);
		if (!ok || size != 4)
			return false;
		set_info(info, BV_SCALAR, 0);
		return true;
	}
	if (IN(off, bpf_sockopt, sk) || IN(off, bpf_sockopt, optval) ||
	    IN(off, bpf_sockopt, optval_end)) {
		bv_reg_type t = IN(off, bpf_sockopt, sk) ? BV_PTR_TO_SOCKET :
				IN(off, bpf_sockopt, optval) ? BV_PTR_TO_PACKET : BV_PTR_TO_PACKET_END;

		if (size != 8)
			return false;
		set_info(info, t, 0);
		return true;
	}
	if (IN(off, bpf_sockopt, retval) && (size != 4 || at != BPF_CGROUP_GETSOCKOPT))
		return false;
	if (size != 4)
		return false;
	set_info(info, BV_SCALAR, 0);
	return true;
}

/* sysctl_is_valid_access: write read-only (narrow), file_pos narrow reads
 * and u32 writes. */
static bool sysctl_access(int32_t off, uint32_t size, enum bv_access access,
			  struct bv_ctx_access_info *info)
{
	if (IN(off, bpf_sysctl, write)) {
		if (access != BV_READ || !narrow_ok(size, 4))
			return false;
		set_info(info, BV_SCALAR, 4);
		return true;
	}
	if (IN(off, bpf_sysctl, file_pos)) {
		if (access == BV_READ ? !narrow_ok(size, 4) : size != 4)
			return false;
		set_info(info, BV_SCALAR, access == BV_READ ? 4 : 0);
		return true;
	}
	return false;
}

/* cgroup_dev_is_valid_access: read-only; access_type narrow, major and
 * minor as u32. */
static bool dev_access(int32_t off, uint32_t size, enum bv_access access,
		       struct bv_ctx_access_info *info)
{
	if (access != BV_READ)
		return false;
	if (IN(off, bpf_cgroup_dev_ctx, access_type)) {
		if (!narrow_ok(size, 4))
			return false;
		set_info(info, BV_SCALAR, 4);
		return true;
	}
	if (size != 4)
		return false;
	set_info(info, BV_SCALAR, 0);
	return true;
}

/* sk_lookup_is_valid_access: read-only; sk the selected socket (NULL until
 * one is assigned); remote_port a 2-byte field followed by 2 bytes of zero
 * padding, both also loadable as u32 for compatibility. */
static bool sk_lookup_access(int32_t off, uint32_t size, enum bv_access access,
			     struct bv_ctx_access_info *info)
{
	const int32_t rport = offsetof(struct bpf_sk_lookup, remote_port);

	if (access != BV_READ)
		return false;
	if (IN(off, bpf_sk_lookup, sk)) {
		if (size != 8)
			return false;
		set_info(info, BV_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL, 0);
		return true;
	}
	if (IN(off, bpf_sk_lookup, family) || IN(off, bpf_sk_lookup, protocol) ||
	    IN(off, bpf_sk_lookup, remote_ip4) || IN(off, bpf_sk_lookup, local_ip4) ||
	    IN(off, bpf_sk_lookup, remote_ip6) || IN(off, bpf_sk_lookup, local_ip6) ||
	    IN(off, bpf_sk_lookup, local_port) || IN(off, bpf_sk_lookup, ingress_ifindex)) {
		if (!narrow_ok(size, 4))
			return false;
		set_info(info, BV_SCALAR, 4);
		return true;
	}
	if (off >= rport && off < rport + 2) {
		if (size == 4) {
			set_info(info, BV_SCALAR, 0);
			return true;
		}
		if (!narrow_ok(size, 2))
			return false;
		set_info(info, BV_SCALAR, 2);
		return true;
	}
	if (off >= rport + 2 && off < (int32_t)offsetof(struct bpf_sk_lookup, local_ip4)) {
		if (!narrow_ok(size, 2))
			return false;
		set_info(info, BV_SCALAR, 2);
		return true;
	}
	return false;
}

/* nf_is_valid_access: two read-only kernel pointers (state, skb), typed
 * from the kernel's BTF; the core reports dereferencing them as not
 * modelled while BTF-typed pointers are not. */
static bool nf_access(int32_t off, uint32_t size, enum bv_access access,
		      struct bv_ctx_access_info *info)
{
	if (access != BV_READ || size != 8 || (off != 0 && off != 8))
		return false;
	set_info(info, BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED, 0);
	return true;
}

const char *bvf_kb_cgroup_ctx_btf_struct(uint32_t prog_type, int32_t off)
{
	if (prog_type != BV_PROG_TYPE_NETFILTER)
		return NULL;
	return off == 0 ? "nf_hook_state" : off == 8 ? "sk_buff" : NULL;
}

bool bvf_kb_cgroup_ctx_access(const struct bvf_kb_env *env, int32_t off, uint32_t size,
			      enum bv_access access, struct bv_ctx_access_info *info)
{
	uint32_t ctx_size = bvf_kb_cgroup_ctx_size(env->prog_type);

	if (off < 0 || (size != 1 && size != 2 && size != 4 && size != 8) || off % size)
		return false;
	/* Each is_valid_access starts by checking the access is inside the
	 * structure (syscall: its start is below U16_MAX). */
	if (env->prog_type == BV_PROG_TYPE_SYSCALL) {
		if (off >= SYSCALL_CTX_SIZE)
			return false;
		set_info(info, BV_SCALAR, 0);
		return true;
	}
	if ((uint32_t)off >= ctx_size)
		return false;
	switch (env->prog_type) {
	case BV_PROG_TYPE_CGROUP_SOCK_ADDR:
		return sock_addr_access(env->attach_type, off, size, access, info);
	case BV_PROG_TYPE_CGROUP_SOCK:
		return (uint32_t)off + size <= ctx_size &&
		       sock_access(env->attach_type, off, size, access, info);
	case BV_PROG_TYPE_CGROUP_SOCKOPT:
		return sockopt_access(env->attach_type, off, size, access, info);
	case BV_PROG_TYPE_CGROUP_SYSCTL:
		return (uint32_t)off + size <= ctx_size && sysctl_access(off, size, access, info);
	case BV_PROG_TYPE_CGROUP_DEVICE:
		return (uint32_t)off + size <= ctx_size && dev_access(off, size, access, info);
	case BV_PROG_TYPE_SK_LOOKUP:
		return sk_lookup_access(off, size, access, info);
	case BV_PROG_TYPE_NETFILTER:
		return nf_access(off, size, access, info);
	case BV_PROG_TYPE_LIRC_MODE2:
		/* lirc_mode2_is_valid_access: one u32, read-only */
		if (access != BV_READ || off != 0 || size != 4)
			return false;
		set_info(info, BV_SCALAR, 0);
		return true;
	default:
		return false;
	}
}

/* ---- return values (check_return_code) ----
 * cgroup types: [0, 1], except recvmsg, getpeername and getsockname (they
 * cannot deny: [1, 1]) and bind (bit 1 asks to skip the port-capability
 * check: [0, 3]); sk_lookup [SK_DROP, SK_PASS]; netfilter [NF_DROP,
 * NF_ACCEPT]; syscall and lirc_mode2 are not checked. */
void bvf_kb_cgroup_return_range(const struct bvf_kb_env *env, struct bv_retval_range *range)
{
	uint32_t at = env->attach_type;

	range->minval = 0;
	range->maxval = 1;
	range->enforce = true;
	switch (env->prog_type) {
	case BV_PROG_TYPE_CGROUP_SOCK_ADDR:
		if (at == BPF_CGROUP_UDP4_RECVMSG || at == BPF_CGROUP_UDP6_RECVMSG ||
		    at == AT_CGROUP_UNIX_RECVMSG || at == BPF_CGROUP_INET4_GETPEERNAME ||
		    at == BPF_CGROUP_INET6_GETPEERNAME || at == AT_CGROUP_UNIX_GETPEERNAME ||
		    at == BPF_CGROUP_INET4_GETSOCKNAME || at == BPF_CGROUP_INET6_GETSOCKNAME ||
		    at == AT_CGROUP_UNIX_GETSOCKNAME)
			range->minval = 1;
		if (at == BPF_CGROUP_INET4_BIND || at == BPF_CGROUP_INET6_BIND)
			range->maxval = 3;
		break;
	case BV_PROG_TYPE_SYSCALL:
	case BV_PROG_TYPE_LIRC_MODE2:
		range->maxval = 0;
		range->enforce = false;
		break;
	default:
		break;
	}
}

/* ---- helpers: each type's own get_func_proto, before its tail ---- */

static bool listed(const int32_t *ids, size_t nr, int32_t id)
{
	for (size_t i = 0; i < nr; i++)
		if (ids[i] == id)
			return true;
	return false;
}

#define LISTED(a, id) listed(a, ARRAY_LEN(a), id)

/* cgroup_current_func_proto: helpers that need a process context. */
static const int32_t cgroup_current[] = {
	BPF_FUNC_get_current_uid_gid, BPF_FUNC_get_current_comm,
	BPF_FUNC_get_cgroup_classid, BPF_FUNC_current_task_under_cgroup,
};

/* cgroup_common_func_proto: the retval helpers, except where the hook
 * has no return value to change. */
static int cgroup_common(const struct bvf_kb_env *env, int32_t id)
{
	uint32_t at = env->attach_type;

	if (id == BPF_FUNC_get_local_storage)
		return 1;
	if (id != BPF_FUNC_get_retval && id != BPF_FUNC_set_retval)
		return -1;
	switch (at) {
	case BPF_CGROUP_INET_INGRESS:
	case BPF_CGROUP_INET_EGRESS:
	case BPF_CGROUP_SOCK_OPS:
	case BPF_CGROUP_UDP4_RECVMSG:
	case BPF_CGROUP_UDP6_RECVMSG:
	case AT_CGROUP_UNIX_RECVMSG:
	case BPF_CGROUP_INET4_GETPEERNAME:
	case BPF_CGROUP_INET6_GETPEERNAME:
	case AT_CGROUP_UNIX_GETPEERNAME:
	case BPF_CGROUP_INET4_GETSOCKNAME:
	case BPF_CGROUP_INET6_GETSOCKNAME:
	case AT_CGROUP_UNIX_GETSOCKNAME:
		return 0;
	default:
		return 1;
	}
}

/* sock_addr_func_proto's own cases. */
static const int32_t sock_addr_own[] = {
	BPF_FUNC_get_socket_cookie, BPF_FUNC_get_netns_cookie,
	BPF_FUNC_perf_event_output, BPF_FUNC_sk_lookup_tcp, BPF_FUNC_sk_lookup_udp,
	BPF_FUNC_sk_release, BPF_FUNC_skc_lookup_tcp, BPF_FUNC_sk_storage_get,
	BPF_FUNC_sk_storage_delete,
};

static int sock_addr_helper(uint32_t at, int32_t id)
{
	if (id == BPF_FUNC_bind)
		return at == BPF_CGROUP_INET4_CONNECT || at == BPF_CGROUP_INET6_CONNECT;
	if (id == BPF_FUNC_setsockopt || id == BPF_FUNC_getsockopt)
		return at != AT_CGROUP_UNIX_GETPEERNAME && at != AT_CGROUP_UNIX_GETSOCKNAME;
	return LISTED(sock_addr_own, id) ? 1 : -1;
}

static const int32_t sock_own[] = {
	BPF_FUNC_get_socket_cookie, BPF_FUNC_get_netns_cookie,
	BPF_FUNC_perf_event_output, BPF_FUNC_sk_storage_get,
	BPF_FUNC_ktime_get_coarse_ns,
};

static const int32_t sockopt_own[] = {
	BPF_FUNC_get_netns_cookie, BPF_FUNC_sk_storage_get,
	BPF_FUNC_sk_storage_delete, BPF_FUNC_tcp_sock, BPF_FUNC_perf_event_output,
};

static const int32_t sysctl_own[] = {
	BPF_FUNC_sysctl_get_name, BPF_FUNC_sysctl_get_current_value,
	BPF_FUNC_sysctl_get_new_value, BPF_FUNC_sysctl_set_new_value,
	BPF_FUNC_ktime_get_coarse_ns, BPF_FUNC_perf_event_output,
};

static const int32_t dev_own[] = { BPF_FUNC_perf_event_output };

static const int32_t sk_lookup_own[] = {
	BPF_FUNC_perf_event_output, BPF_FUNC_sk_assign, BPF_FUNC_sk_release,
};

/* syscall_prog_func_proto and the tracing_prog_func_proto it falls back
 * to: what a sleepable syscall program may call beyond bpf_base_func_proto
 * (observed on 6.18; bpf_sys_bpf also needs CAP_PERFMON). */
static const int32_t syscall_own[] = {
	BPF_FUNC_probe_read, BPF_FUNC_get_current_comm, BPF_FUNC_get_cgroup_classid,
	BPF_FUNC_perf_event_output, BPF_FUNC_get_stackid, BPF_FUNC_get_current_task,
	BPF_FUNC_current_task_under_cgroup, BPF_FUNC_probe_read_str,
	BPF_FUNC_get_socket_cookie, BPF_FUNC_get_stack, BPF_FUNC_sk_storage_get,
	BPF_FUNC_sk_storage_delete, BPF_FUNC_send_signal, BPF_FUNC_skb_output,
	BPF_FUNC_send_signal_thread, BPF_FUNC_skc_to_tcp6_sock,
	BPF_FUNC_skc_to_tcp_sock, BPF_FUNC_skc_to_tcp_timewait_sock,
	BPF_FUNC_skc_to_tcp_request_sock, BPF_FUNC_skc_to_udp6_sock,
	BPF_FUNC_xdp_output, BPF_FUNC_get_task_stack, BPF_FUNC_d_path,
	BPF_FUNC_sock_from_file, BPF_FUNC_xdp_get_buff_len, BPF_FUNC_sys_bpf,
	BPF_FUNC_btf_find_by_name_kind, BPF_FUNC_sys_close,
	BPF_FUNC_kallsyms_lookup_name, BPF_FUNC_get_func_ip,
	BPF_FUNC_skc_to_unix_sock, BPF_FUNC_find_vma, BPF_FUNC_skc_to_mptcp_sock,
	BPF_FUNC_get_branch_snapshot, BPF_FUNC_copy_from_user_task,
	BPF_FUNC_copy_from_user, BPF_FUNC_snprintf_btf, BPF_FUNC_per_cpu_ptr,
};

/* lirc_mode2_func_proto */
static const int32_t lirc_own[] = {
	BPF_FUNC_rc_repeat, BPF_FUNC_rc_keydown, BPF_FUNC_rc_pointer_rel,
	BPF_FUNC_map_lookup_elem, BPF_FUNC_map_update_elem, BPF_FUNC_map_delete_elem,
	BPF_FUNC_map_push_elem, BPF_FUNC_map_pop_elem, BPF_FUNC_map_peek_elem,
	BPF_FUNC_ktime_get_ns, BPF_FUNC_ktime_get_boot_ns, BPF_FUNC_tail_call,
	BPF_FUNC_get_prandom_u32,
};

int bvf_kb_cgroup_helper(const struct bvf_kb_env *env, int32_t id, enum bvf_kb_tail *tail)
{
	int own = -1;

	*tail = BVF_KB_TAIL_BASE;
	switch (env->prog_type) {
	case BV_PROG_TYPE_CGROUP_SOCK_ADDR:
	case BV_PROG_TYPE_CGROUP_SOCK:
	case BV_PROG_TYPE_CGROUP_SOCKOPT:
	case BV_PROG_TYPE_CGROUP_SYSCTL:
	case BV_PROG_TYPE_CGROUP_DEVICE:
		own = cgroup_common(env, id);
		if (own >= 0)
			return own;
		if (LISTED(cgroup_current, id))
			return 1;
		break;
	default:
		break;
	}
	switch (env->prog_type) {
	case BV_PROG_TYPE_CGROUP_SOCK_ADDR:
		*tail = BVF_KB_TAIL_SK_BASE;
		return sock_addr_helper(env->attach_type, id);
	case BV_PROG_TYPE_CGROUP_SOCK:
		return LISTED(sock_own, id) ? 1 : -1;
	case BV_PROG_TYPE_CGROUP_SOCKOPT:
		if (id == BPF_FUNC_setsockopt || id == BPF_FUNC_getsockopt)
			return env->attach_type == BPF_CGROUP_SETSOCKOPT;
		return LISTED(sockopt_own, id) ? 1 : -1;
	case BV_PROG_TYPE_CGROUP_SYSCTL:
		return LISTED(sysctl_own, id) ? 1 : -1;
	case BV_PROG_TYPE_CGROUP_DEVICE:
		return LISTED(dev_own, id) ? 1 : -1;
	case BV_PROG_TYPE_SK_LOOKUP:
		*tail = BVF_KB_TAIL_SK_BASE;
		return LISTED(sk_lookup_own, id) ? 1 : -1;
	case BV_PROG_TYPE_NETFILTER:
		return -1;
	case BV_PROG_TYPE_SYSCALL:
		if (id == BPF_FUNC_sys_bpf)
			return env->perfmon_capable;
		return LISTED(syscall_own, id) ? 1 : -1;
	case BV_PROG_TYPE_LIRC_MODE2:
		if (id == BPF_FUNC_trace_printk)
			return env->perfmon_capable;
		return LISTED(lirc_own, id) ? 1 : -1;
	default:
		*tail = BVF_KB_TAIL_NONE;
		return 0;
	}
}
