/* local_types.h — the program's own BTF types as objects it allocates
 * (bpf_obj_new): which structs qualify (local_types.c). */
#ifndef BVF_LOCAL_TYPES_H
#define BVF_LOCAL_TYPES_H

#include <stddef.h>
#include <stdint.h>

struct btf;

/* Type id of the program's BTF as bpf_obj_new() would allocate it: 0 and
 * *size for a struct; -ENOENT for no struct; -EOPNOTSUPP with what[] set
 * when it holds a field the kernel treats specially (a lock, timer,
 * workqueue, list or rbtree root or node, refcount, or a kptr). */
int bvf_local_struct(const struct btf *btf, uint32_t id, uint32_t *size, char *what,
		     size_t what_size);

#endif
