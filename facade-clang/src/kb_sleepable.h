/* kb_sleepable.h — the kernel's sleepable attach targets (kb_sleepable.c). */
#ifndef BVF_KB_SLEEPABLE_H
#define BVF_KB_SLEEPABLE_H

#include <stdbool.h>
#include <stdint.h>

struct bvf_kernel;

/* Is bpf_lsm_<hook> (func, as the kernel names it) in kernel k's set of
 * sleepable LSM hooks? 1 yes, 0 no, -1 the profile does not say. */
int bvf_kernel_lsm_hook_sleepable(const struct bvf_kernel *k, const char *func);

/* May a sleepable program use a map of this type at all? (Any other map
 * is refused at load: "Sleepable programs can only use array, hash,
 * ringbuf and local storage maps"; bpfverify does not model that refusal
 * and ends in `error` instead.) */
bool bvf_sleepable_map_type_ok(uint32_t map_type);

#endif
