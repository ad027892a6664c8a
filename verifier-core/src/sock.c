/* sock.c — loads through the pointers the kernel hands out to networking
 * programs: sockets (PTR_TO_SOCKET, PTR_TO_SOCK_COMMON, PTR_TO_TCP_SOCK,
 * PTR_TO_XDP_SOCK) and flow dissector keys (PTR_TO_FLOW_KEYS). Which
 * bytes are readable is a fact of the kernel's UAPI structures, asked of
 * the facade (ptr_struct_access); the messages and their order are the
 * kernel's (check_sock_access, check_flow_keys_access).
 *
 * Reference tracking of the acquired sockets (bpf_sk_lookup_*,
 * bpf_skc_lookup_tcp) and its release (bpf_sk_release) is call.c's, as for
 * ringbuf records; NULL checks are jmp.c's.
 */
#include <errno.h>
#include <stddef.h>

#include "state.h"

static bool facade_answers(const struct bv_env *env)
{
	return env->f->sz >= offsetof(struct bv_facade, ptr_struct_access) + sizeof(void *) &&
	       env->f->ptr_struct_access;
}

int bv_check_sock_access(struct bv_env *env, int32_t insn_idx, uint32_t regno, int32_t off,
			 int size, enum bv_access t)
{
	const struct bv_reg *r = &bv_cur_regs(env)[regno];
	struct bv_ctx_access_info info = { 0 };
	char b[64];

	if (!facade_answers(env))
		return bv_unsupported(&env->log, insn_idx, "access through a %s pointer",
				      bv_reg_type_str(env, r->type, b, sizeof(b)));
	if (r->s.smin < 0)
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "R%u min value is negative, either use unsigned index or do a if (index >=0) check.",
				 regno);
	if (env->f->ptr_struct_access(env->f->ctx, r->type, off, (uint32_t)size, t, &info)) {
		env->aux[insn_idx].ctx_field_size = info.ctx_field_size;
		return 0;
	}
	return bv_reject(&env->log, insn_idx, -EACCES, "R%u invalid %s access off=%d size=%d",
			 regno, bv_reg_type_str(env, r->type, b, sizeof(b)), off, size);
}

int bv_check_flow_keys_access(struct bv_env *env, int32_t insn_idx, int32_t off, int size)
{
	if (size < 0 || off < 0 ||
	    !env->f->ptr_struct_access(env->f->ctx, BV_PTR_TO_FLOW_KEYS, off, (uint32_t)size,
				       BV_READ, NULL))
		return bv_reject(&env->log, insn_idx, -EACCES,
				 "invalid access to flow keys off=%d size=%d", off, size);
	return 0;
}
