/* core_memo.h — CO-RE resolutions remembered across the programs of one
 * object for one target BTF.
 *
 * libbpf resolves every relocation of every program; in an object of many
 * programs most relocations repeat (the same root type and access string in
 * each program), and resolving one means a candidate search and a spec
 * match against the kernel's BTF. A memo keeps what resolving produced —
 * everything but the instruction patch — keyed by (root type id, access
 * string offset, kind) in the object's BTF, so each is resolved once per
 * object and target. core_relo.c decides what may be remembered (a result
 * that depends on nothing but the key); this file only stores it.
 *
 * Not thread-safe by itself: the owner (the object, obj_core_memo.c)
 * serialises users.
 */
#ifndef BVF_CORE_MEMO_H
#define BVF_CORE_MEMO_H

#include <stddef.h>
#include <stdint.h>

struct bvf_core_memo;

struct bvf_core_memo *bvf_core_memo_new(const void *targ);
void bvf_core_memo_free(struct bvf_core_memo *m);
/* The target the memo was made for (what bvf_core_memo_new was given). */
const void *bvf_core_memo_target(const struct bvf_core_memo *m);
/* The value stored under the key, or NULL. */
const void *bvf_core_memo_get(const struct bvf_core_memo *m, uint32_t type_id,
			      uint32_t access_str_off, uint32_t kind);
/* Stores a copy of value[0..size) under the key; -ENOMEM on failure (the
 * memo is then unchanged: it is only a cache). */
int bvf_core_memo_put(struct bvf_core_memo *m, uint32_t type_id, uint32_t access_str_off,
		      uint32_t kind, const void *value, size_t size);

#endif
