/* kb_attach.h — attach-target facts of a kernel that BTF does not carry
 * (kb_attach.c): which functions a sleepable fentry/fexit/fmod_ret program
 * may attach to, which may have their return value modified, which may
 * call bpf_d_path. */
#ifndef BVF_KB_ATTACH_H
#define BVF_KB_ATTACH_H

struct bvf_kernel;

/* May a sleepable fentry/fexit/fmod_ret program attach to func (the
 * kernel's check in bpf_check_attach_target: on the error-injection list
 * and not on its deny list, or in the modify-return kfunc set with
 * KF_SLEEPABLE)? 1 yes, 0 no, -1 the profile does not say. */
int bvf_kernel_sleepable_fn(const struct bvf_kernel *k, const char *func);

/* May fmod_ret change func's return value (error-injection list, a
 * security_ name, or the modify-return kfunc set)? 1, 0, -1 as above. */
int bvf_kernel_modifiable_fn(const struct bvf_kernel *k, const char *func);

/* Is func on the kernel's bpf_d_path allow-list (btf_allowlist_d_path)?
 * 1, 0, -1 as above. */
int bvf_kernel_d_path_allowed_fn(const struct bvf_kernel *k, const char *func);

#endif
