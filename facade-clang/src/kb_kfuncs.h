/* kb_kfuncs.h — kfunc facts of a kernel profile (kb_kfuncs.c). */
#ifndef BVF_KB_KFUNCS_H
#define BVF_KB_KFUNCS_H

#include <stddef.h>
#include <stdint.h>

#include "bpfverify/facade.h"

struct btf;
struct bvf_kfuncs;

/* The profile's kfuncs.json; NULL with err when it has none. */
struct bvf_kfuncs *bvf_kfuncs_load(const char *profile_dir, char *err, size_t errsz);
void bvf_kfuncs_free(struct bvf_kfuncs *kf);
/* The kfunc btf_id of btf, as a program of prog_type calls it: 0 with *out
 * filled (out->unsupported set when it cannot be described), -ENOENT when
 * btf_id is not a function. kf may be NULL (no facts). */
int bvf_kfunc_describe(const struct bvf_kfuncs *kf, const struct btf *btf, uint32_t prog_type,
		       int32_t btf_id, struct bv_kfunc_desc *out);

#endif
