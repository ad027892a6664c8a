/* ksyms.h — typed ksyms (`extern const struct rq runqueues __ksym`)
 * against a target kernel's BTF (ksyms.c): libbpf's type check when it
 * resolves one, and what the kernel's verifier makes of the variable. */
#ifndef BVF_KSYMS_H
#define BVF_KSYMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpfverify/facade.h"

struct btf;

/* libbpf's words for kernel var ksym x whose object type is not the
 * kernel's ("extern (var ksym) 'x': incompatible types, expected [5] int
 * int, but kernel has [40] struct rq"), into buf; false when they are
 * compatible. kernel_var_id: the VAR in the kernel's BTF; local_var_type:
 * the VAR's type in the object's BTF. */
bool bvf_ksym_incompatible(const struct btf *obj_btf, uint32_t local_var_type,
			   const struct btf *kbtf, uint32_t kernel_var_id, const char *name,
			   char *buf, size_t size);

/* The id of DATASEC ".data..percpu" in the kernel's BTF, 0 if none. */
uint32_t bvf_btf_percpu_datasec(const struct btf *kbtf);

/* The facade's btf_pointee op (bpfverify/facade.h) for the kernel's BTF;
 * percpu_datasec from bvf_btf_percpu_datasec. */
int bvf_btf_pointee(const struct btf *kbtf, uint32_t percpu_datasec, uint32_t btf_id,
		    bool var, struct bv_btf_pointee *out);

#endif
