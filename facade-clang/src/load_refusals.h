/* load_refusals.h — loads a kernel refuses before verification for lack
 * of an attach type or of a program type's build option
 * (load_refusals.c). */
#ifndef BVF_LOAD_REFUSALS_H
#define BVF_LOAD_REFUSALS_H

#include <stdbool.h>
#include <stdint.h>

#include "bpfverify/verifier.h"

struct bvf_program;
struct bvf_kernel;

/* true with res filled (BV_LOAD_ERROR) when kernel k refuses the load. */
bool bvf_load_refused(const struct bvf_program *prog, const struct bvf_kernel *k,
		      uint32_t prog_type, uint32_t attach_type, struct bv_result *res);

#endif
