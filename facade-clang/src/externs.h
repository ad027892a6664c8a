/* externs.h — extern variables resolved for one target kernel (externs.c). */
#ifndef BVF_EXTERNS_H
#define BVF_EXTERNS_H

#include <stdbool.h>
#include <stdint.h>

#include "bpfverify/verifier.h"
#include "bvf_internal.h"

/* Per verification: the .kconfig map's contents and each extern's fate
 * (indexes of bvf_object_extern_vars). */
struct bvf_extern_values {
	uint8_t *kconfig;         /* value of the .kconfig map, NULL if none */
	uint32_t kconfig_size;
	uint64_t *ksym_addr;      /* typeless ksyms: address, 0 when unresolved */
	uint32_t *ksym_btf_id;    /* typed ksyms: the kernel BTF's VAR, 0 when unresolved */
	bool *is_set;
};

/* Steps 1-3 of libbpf's resolution (kconfig, kallsyms). true: go on; false:
 * res holds the load error (libbpf's message) or error. */
bool bvf_externs_resolve(const struct bvf_program *prog, const struct bvf_kernel *k,
			 struct bvf_extern_values *v, struct bv_result *res);
/* Steps 4-5 (after kfuncs): typed ksyms, then strong externs left unset. */
bool bvf_externs_finish(const struct bvf_program *prog, const struct bvf_kernel *k,
			struct bvf_extern_values *v, struct bv_result *res);
void bvf_externs_free(struct bvf_extern_values *v);

#endif
