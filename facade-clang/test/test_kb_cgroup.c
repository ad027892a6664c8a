/* test_kb_cgroup.c — the knowledge base's cgroup program types and their
 * neighbours (kb_prog_cgroup.c, kb_protos_cgroup.c) against what the live
 * 6.18 kernel answered (kb_observed_cgroup_6_18.h): every context offset
 * and size, read and write, per attach type; every helper id per attach
 * type; plus the return ranges, the register types context reads yield,
 * the per-context helper variants and the 6.1/6.12 profile differences.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/bpf.h>

#include "bvf_internal.h"
#include "kb.h"
#include "kb_observed_cgroup_6_18.h"

#include "harness.h"

static struct bvf_kb_env env_of(uint32_t type, uint32_t attach)
{
	struct bvf_kb_env e = { .prog_type = type, .attach_type = attach,
				.bpf_capable = true, .perfmon_capable = true };
	return e;
}

static int hexdigit(char c)
{
	return c >= 'a' ? c - 'a' + 10 : c - '0';
}

static void test_ctx_observed(void)
{
	int bad = 0;

	for (size_t t = 0; t < sizeof(kb_obs_cg_ctx) / sizeof(kb_obs_cg_ctx[0]); t++) {
		const struct kb_obs_cg_ctx *o = &kb_obs_cg_ctx[t];
		struct bvf_kb_env e = env_of(o->prog_type, o->attach_type);

		for (uint32_t off = 0; off < o->nr_offsets; off++) {
			int m = hexdigit(o->masks[2 * off]) << 4 | hexdigit(o->masks[2 * off + 1]);

			for (int b = 0; b < 8; b++) {
				uint32_t size = 1u << (b & 3);
				struct bv_ctx_access_info i;
				bool want = m & (1 << b), got;

				if (off % size)
					continue;
				got = bvf_kb_ctx_access(&e, (int32_t)off, size,
							b < 4 ? BV_READ : BV_WRITE, &i);
				if (got != want && ++bad <= 10)
					printf("  type %u/%u off %u size %u %s: model %d, 6.18 %d\n",
					       o->prog_type, o->attach_type, off, size,
					       b < 4 ? "read" : "write", got, want);
			}
		}
		/* Beyond the structure: nothing. */
		CHECK(!bvf_kb_ctx_access(&e, (int32_t)o->nr_offsets, 4, BV_READ, NULL),
		      "type %u: read past the context", o->prog_type);
	}
	CHECK(bad == 0, "%d context answers differ from 6.18", bad);
}

static void test_helpers_observed(void)
{
	int bad = 0;

	for (size_t t = 0; t < sizeof(kb_obs_cg_helpers) / sizeof(kb_obs_cg_helpers[0]); t++) {
		const struct kb_obs_cg_helpers *o = &kb_obs_cg_helpers[t];
		struct bvf_kb_env e = env_of(o->prog_type, o->attach_type);

		for (int32_t id = 1; id <= 211; id++) {
			const struct bv_helper_proto *p;
			int r = bvf_kb_helper(&e, id, &p);
			bool want = o->available[id / 64] >> (id % 64) & 1;
			bool got = r == 0 || r == -EOPNOTSUPP;

			if (got != want && ++bad <= 10)
				printf("  type %u/%u helper %d: model %d, 6.18 %s\n", o->prog_type,
				       o->attach_type, id, r, want ? "available" : "unavailable");
		}
	}
	CHECK(bad == 0, "%d helper answers differ from 6.18", bad);
}

static void expect_range(uint32_t type, uint32_t attach, bool enforce, int32_t min, int32_t max)
{
	struct bvf_kb_env e = env_of(type, attach);
	struct bv_retval_range r;

	bvf_kb_return_range(&e, &r);
	CHECK(r.enforce == enforce && (!enforce || (r.minval == min && r.maxval == max)),
	      "type %u/%u: range %d [%d, %d], want %d [%d, %d]", type, attach, r.enforce,
	      r.minval, r.maxval, enforce, min, max);
}

/* Observed on 6.18 with r0 = -1..4 (and check_return_code of 6.1/6.12). */
static void test_return_ranges(void)
{
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, true, 0, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP6_SENDMSG, true, 0, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_BIND, true, 0, 3);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET6_BIND, true, 0, 3);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP4_RECVMSG, true, 1, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET6_GETPEERNAME, true, 1, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_GETSOCKNAME, true, 1, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, 49 /* unix connect */, true, 0, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, 51 /* unix recvmsg */, true, 1, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK_ADDR, 53 /* unix getsockname */, true, 1, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SOCK, BPF_CGROUP_INET_SOCK_CREATE, true, 0, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, true, 0, 1);
	expect_range(BV_PROG_TYPE_CGROUP_SYSCTL, BPF_CGROUP_SYSCTL, true, 0, 1);
	expect_range(BV_PROG_TYPE_CGROUP_DEVICE, BPF_CGROUP_DEVICE, true, 0, 1);
	expect_range(BV_PROG_TYPE_SK_LOOKUP, BPF_SK_LOOKUP, true, 0, 1);
	expect_range(BV_PROG_TYPE_NETFILTER, 45, true, 0, 1);
	expect_range(BV_PROG_TYPE_SYSCALL, 0, false, 0, 0);
	expect_range(BV_PROG_TYPE_LIRC_MODE2, BPF_LIRC_MODE2, false, 0, 0);
}

static bv_reg_type read_type(uint32_t type, uint32_t attach, int32_t off, uint32_t size,
			     uint32_t *field)
{
	struct bvf_kb_env e = env_of(type, attach);
	struct bv_ctx_access_info i = { 0 };

	if (!bvf_kb_ctx_access(&e, off, size, BV_READ, &i))
		return (bv_reg_type)-1;
	if (field)
		*field = i.ctx_field_size;
	return i.reg_type;
}

/* What reads yield: pointers (sockopt's optval pair is packet-like) and
 * the field size the core needs for narrow loads. */
static void test_reg_types(void)
{
	uint32_t field = 99;

	CHECK(read_type(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT,
			offsetof(struct bpf_sock_addr, sk), 8, NULL) == BV_PTR_TO_SOCKET,
	      "bpf_sock_addr->sk is a socket");
	CHECK(read_type(BV_PROG_TYPE_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT,
			offsetof(struct bpf_sockopt, optval), 8, NULL) == BV_PTR_TO_PACKET,
	      "optval is packet-like");
	CHECK(read_type(BV_PROG_TYPE_CGROUP_SOCKOPT, BPF_CGROUP_SETSOCKOPT,
			offsetof(struct bpf_sockopt, optval_end), 8, NULL) == BV_PTR_TO_PACKET_END,
	      "optval_end is the packet end");
	CHECK(read_type(BV_PROG_TYPE_CGROUP_SOCKOPT, BPF_CGROUP_SETSOCKOPT,
			offsetof(struct bpf_sockopt, sk), 8, NULL) == BV_PTR_TO_SOCKET,
	      "bpf_sockopt->sk is a socket");
	CHECK(read_type(BV_PROG_TYPE_SK_LOOKUP, BPF_SK_LOOKUP, 0, 8, NULL) ==
	      (BV_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL), "bpf_sk_lookup->sk may be NULL");
	CHECK(read_type(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_BIND,
			offsetof(struct bpf_sock_addr, user_port), 2, &field) == BV_SCALAR &&
	      field == 4, "narrow user_port load: field size 4 (got %u)", field);
	CHECK(read_type(BV_PROG_TYPE_SK_LOOKUP, BPF_SK_LOOKUP,
			offsetof(struct bpf_sk_lookup, remote_port), 2, &field) == BV_SCALAR &&
	      field == 2, "remote_port is a 2-byte field (got %u)", field);
	CHECK(bvf_kb_ctx_size(BV_PROG_TYPE_CGROUP_SOCK_ADDR) == sizeof(struct bpf_sock_addr),
	      "sock_addr context size");
}

static const struct bv_helper_proto *proto(uint32_t type, uint32_t attach, int32_t id)
{
	struct bvf_kb_env e = env_of(type, attach);
	const struct bv_helper_proto *p = NULL;

	return bvf_kb_helper(&e, id, &p) == 0 ? p : NULL;
}

static void test_protos(void)
{
	const struct bv_helper_proto *p;

	p = proto(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, BPF_FUNC_bind);
	CHECK(p && p->arg_type[0] == BV_ARG_PTR_TO_CTX &&
	      p->arg_type[1] == (BV_ARG_PTR_TO_MEM | BV_MEM_RDONLY), "bpf_bind(ctx, mem, size)");
	CHECK(!proto(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_BIND, BPF_FUNC_bind),
	      "bpf_bind only from connect4/6");
	p = proto(BV_PROG_TYPE_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, BPF_FUNC_get_netns_cookie);
	CHECK(p && p->arg_type[0] == (BV_ARG_PTR_TO_CTX | BV_PTR_MAYBE_NULL),
	      "get_netns_cookie takes a context or NULL");
	p = proto(BV_PROG_TYPE_CGROUP_SOCK, BPF_CGROUP_INET_SOCK_CREATE, BPF_FUNC_get_socket_cookie);
	CHECK(p && p->arg_type[0] == BV_ARG_PTR_TO_CTX, "get_socket_cookie(ctx) for sock");
	p = proto(BV_PROG_TYPE_SK_LOOKUP, BPF_SK_LOOKUP, BPF_FUNC_sk_assign);
	CHECK(p && p->arg_type[1] == (BV_ARG_PTR_TO_SOCKET | BV_PTR_MAYBE_NULL),
	      "sk_assign(ctx, sock or NULL, flags)");
	p = proto(BV_PROG_TYPE_CGROUP_SYSCTL, BPF_CGROUP_SYSCTL, BPF_FUNC_sysctl_get_new_value);
	CHECK(p && (p->arg_type[1] & BV_MEM_UNINIT), "sysctl_get_new_value fills a buffer");
	p = proto(BV_PROG_TYPE_CGROUP_SYSCTL, BPF_CGROUP_SYSCTL, BPF_FUNC_strtoul);
	CHECK(p && (p->arg_type[3] & BV_MEM_FIXED_SIZE) && p->arg_size[3] == 8,
	      "strtoul writes a u64");
	p = proto(BV_PROG_TYPE_CGROUP_DEVICE, BPF_CGROUP_DEVICE, BPF_FUNC_get_local_storage);
	CHECK(p && p->ret_type == BV_RET_PTR_TO_MAP_VALUE, "get_local_storage never NULL");
	CHECK(!proto(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP4_RECVMSG, BPF_FUNC_set_retval),
	      "recvmsg has no retval to set");
	CHECK(proto(BV_PROG_TYPE_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, BPF_FUNC_set_retval) != NULL,
	      "getsockopt may set retval");
	CHECK(bvf_kb_prog_type_modelled(BV_PROG_TYPE_NETFILTER), "netfilter modelled");
}

/* The profile facts: 6.12's base lacks the task helpers the 6.18 base
 * has, but cgroup_current_func_proto offers uid/gid and comm anyway. */
static void test_profile_facts(void)
{
	struct bvf_kernel *k = bvf_kernel_open("6.12", NULL, 0);
	struct bvf_kb_helper_facts h;
	struct bvf_kb_env e = env_of(BV_PROG_TYPE_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT);
	const struct bv_helper_proto *p;
	char err[256];

	CHECK(k != NULL, "profile 6.12 opens");
	if (!k)
		return;
	CHECK(bvf_kernel_helper_facts(k, BV_PROG_TYPE_CGROUP_SOCK_ADDR, &h, err, sizeof(err)) == 0,
	      "6.12 facts: %s", err);
	e.helpers = &h;
	CHECK(bvf_kb_helper(&e, BPF_FUNC_get_current_uid_gid, &p) == 0, "6.12: uid_gid offered");
	CHECK(bvf_kb_helper(&e, BPF_FUNC_task_storage_get, &p) == -EPERM,
	      "6.12: task_storage_get not offered to sock_addr");
	bvf_kernel_close(k);
}

int main(void)
{
	test_ctx_observed();
	test_helpers_observed();
	test_return_ranges();
	test_reg_types();
	test_protos();
	test_profile_facts();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
