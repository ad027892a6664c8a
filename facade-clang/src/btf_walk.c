/* btf_walk.c — see btf_walk.h. */
#include <bpf/btf.h>

#include "btf_walk.h"

#define MOD_MAX_DEPTH 32

const struct btf_type *bvf_btf_skip_mods(const struct btf *btf, uint32_t id, uint32_t *res_id)
{
	const struct btf_type *t = btf__type_by_id(btf, id);

	for (int depth = 0; t && (btf_is_mod(t) || btf_is_typedef(t)); depth++) {
		if (depth >= MOD_MAX_DEPTH) {
			t = NULL;
			break;
		}
		id = t->type;
		t = btf__type_by_id(btf, id);
	}
	if (res_id)
		*res_id = id;
	return t;
}
