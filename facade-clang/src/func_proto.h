/* func_proto.h — a global function's argument kinds from its BTF
 * prototype (func_proto.c). */
#ifndef BVF_FUNC_PROTO_H
#define BVF_FUNC_PROTO_H

#include <stdbool.h>
#include <stdint.h>

#include "bpfverify/facade.h"

struct btf;
struct bvf_kernel;

struct bvf_func_proto_env {
	uint32_t prog_type;           /* enum bv_prog_type */
	bool arg_tags;                /* the kernel honours "arg:" decl tags */
	const struct bvf_kernel *kernel; /* its BTF for arg:trusted structs; may be NULL */
};

/* The prototype of the FUNC func_id of the program's BTF. */
void bvf_func_proto(const struct btf *btf, uint32_t func_id, const struct bvf_func_proto_env *e,
		    struct bv_func_proto *out);

#endif
