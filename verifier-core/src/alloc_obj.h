/* alloc_obj.h — objects a program allocates with bpf_obj_new() and frees
 * with bpf_obj_drop() (alloc_obj.c). */
#ifndef BV_ALLOC_OBJ_H
#define BV_ALLOC_OBJ_H

#include "state.h"

/* bpf_obj_drop()'s __alloc argument in register regno (argument argno):
 * not NULL, trusted, an allocated object, referenced (kernel:
 * check_kfunc_args for KF_ARG_PTR_TO_ALLOC_BTF_ID). */
int bv_alloc_obj_arg(struct bv_env *env, const struct bv_kfunc_desc *d, uint32_t argno,
		     uint32_t regno);

/* bpf_obj_new()'s result in r0, for the program's BTF type local_id (its
 * constant first argument): PTR_TO_BTF_ID | MEM_ALLOC of that struct.
 * The caller adds NULL-ness and the reference as for any kfunc. */
int bv_alloc_obj_new(struct bv_env *env, uint64_t local_id, struct bv_reg *r0);

#endif
