/* dynptr.h — dynamic pointers on the stack, their slices and their
 * release (dynptr.c). */
#ifndef BV_DYNPTR_H
#define BV_DYNPTR_H

#include "state.h"

/* Kernel: enum bpf_dynptr_type. */
enum bv_dynptr_kind {
	BV_DYNPTR_INVALID = 0,
	BV_DYNPTR_LOCAL,
	BV_DYNPTR_RINGBUF,
	BV_DYNPTR_SKB,
	BV_DYNPTR_XDP,
};

/* What a call's dynptr arguments told (kernel: the dynptr parts of
 * bpf_call_arg_meta / bpf_kfunc_call_arg_meta). */
struct bv_dynptr_meta {
	/* an initialised dynptr argument: its kind, id and reference */
	uint32_t regno;
	enum bv_dynptr_kind kind;
	uint32_t id, ref_obj_id;
	/* kernels without dynptr-ids: the dynptr to build after the
	 * arguments were checked */
	uint32_t uninit_regno;
	enum bv_dynptr_kind uninit_kind;
	/* a kfunc's constant size argument (__szk): a slice's size */
	uint64_t const_size;
	bool const_size_found;
};

/* An ARG_PTR_TO_DYNPTR argument in regno (argno counts from 0), of
 * arg_type's flags: MEM_UNINIT builds one (now, or in
 * bv_dynptr_mark_late), else it must be an initialised dynptr of the
 * kind the type names, if any (kernel: process_dynptr_func). */
int bv_dynptr_arg(struct bv_env *env, uint32_t regno, uint32_t argno, bv_arg_type arg_type,
		  struct bv_dynptr_meta *m);
int bv_dynptr_mark_late(struct bv_env *env, const struct bv_dynptr_meta *m);
/* A releasing argument must hold a referenced dynptr ("arg 1 is an
 * unacquired reference"); the release drops the reference, its slices
 * and the dynptr. */
int bv_dynptr_release_check(struct bv_env *env, uint32_t regno);
int bv_dynptr_release(struct bv_env *env, uint32_t regno);
/* A store into slot spi of fr (kernels with dynptr-ids): a dynptr there
 * is destroyed, or refused when referenced. */
int bv_dynptr_destroy_slot(struct bv_env *env, struct bv_frame *fr, int spi);
/* R0 of bpf_dynptr_data or a slice kfunc: tied to the dynptr. */
void bv_dynptr_slice_reg(struct bv_env *env, struct bv_reg *r0, const struct bv_dynptr_meta *m);
/* The kind of the initialised dynptr regno points to (INVALID: none). */
enum bv_dynptr_kind bv_dynptr_kind_at(struct bv_env *env, uint32_t regno);
bv_reg_type bv_dynptr_type_flag(enum bv_dynptr_kind k);

/* kfuncs (kfunc.c): a dynptr, context or (buffer, size) argument of the
 * modelled dynptr kfuncs (argno counts from 0; a buffer takes its size
 * argument along); R0 of a slice kfunc after the registers were reset. */
int bv_dynptr_kfunc_arg(struct bv_env *env, const struct bv_kfunc_desc *d, uint32_t argno,
			struct bv_dynptr_meta *m);
bool bv_dynptr_is_slice_kfunc(const struct bv_kfunc_desc *d);
int bv_dynptr_kfunc_ret(struct bv_env *env, const struct bv_kfunc_desc *d,
			const struct bv_dynptr_meta *m);

#endif
