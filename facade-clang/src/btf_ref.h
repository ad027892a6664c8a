/* btf_ref.h — a BTF read through libbpf (an object's struct btf) or in
 * place (a kernel profile's bvdb_btf view, which spares libbpf's parse of
 * every type): the few accessors CO-RE resolution needs, the same answers
 * from either. Exactly one of the two pointers is set. */
#ifndef BVF_BTF_REF_H
#define BVF_BTF_REF_H

#include <stdint.h>

#include <bpf/btf.h>

#include "bpfverify/bvdb.h"

struct bvf_btf_ref {
	const struct btf *lib;
	const struct bvdb_btf *view;
};

static inline const struct btf_type *bref_type(const struct bvf_btf_ref *b, uint32_t id)
{
	return b->view ? bvdb_btf__type_by_id(b->view, id) : btf__type_by_id(b->lib, id);
}

static inline const char *bref_str(const struct bvf_btf_ref *b, uint32_t off)
{
	return b->view ? bvdb_btf__str(b->view, off) : btf__name_by_offset(b->lib, off);
}

static inline uint32_t bref_type_cnt(const struct bvf_btf_ref *b)
{
	return b->view ? bvdb_btf__type_cnt(b->view) : btf__type_cnt(b->lib);
}

static inline int64_t bref_resolve_size(const struct bvf_btf_ref *b, uint32_t id)
{
	return b->view ? bvdb_btf__resolve_size(b->view, id) : btf__resolve_size(b->lib, id);
}

/* bvf_btf_skip_mods (btf_walk.h) on either. */
static inline const struct btf_type *bref_skip_mods(const struct bvf_btf_ref *b, uint32_t id,
						    uint32_t *res_id)
{
	const struct btf_type *t = bref_type(b, id);

	for (int depth = 0; t && (btf_is_mod(t) || btf_is_typedef(t)); depth++) {
		if (depth >= 32) {   /* as btf_walk.c */
			t = NULL;
			break;
		}
		id = t->type;
		t = bref_type(b, id);
	}
	if (res_id)
		*res_id = id;
	return t;
}

#endif
