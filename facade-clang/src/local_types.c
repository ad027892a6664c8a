/* local_types.c — the structs of a program's own BTF that bpf_obj_new()
 * allocates. The kernel gives some field types meanings of their own in
 * such objects (its struct meta: locks, graph roots and nodes, refcounts,
 * kptrs); bpfverify models objects of plain fields only and names the
 * first special field it finds so the core can say what is unsupported.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bpf/btf.h>

#include "btf_walk.h"
#include "local_types.h"

static const char *const special_structs[] = {
	"bpf_spin_lock", "bpf_res_spin_lock", "bpf_timer", "bpf_wq", "bpf_task_work",
	"bpf_list_head", "bpf_list_node", "bpf_rb_root", "bpf_rb_node", "bpf_refcount",
};

/* A pointer member tagged as a kptr (kptr, kptr_untrusted, percpu_kptr,
 * uptr): the tag's name, else NULL. */
static const char *kptr_tag(const struct btf *btf, uint32_t ptr_target)
{
	for (int depth = 0; depth < 8; depth++) {
		const struct btf_type *t = btf__type_by_id(btf, ptr_target);
		const char *n;

		if (!t || !btf_is_type_tag(t))
			return NULL;
		n = btf__name_by_offset(btf, t->name_off);
		if (n && (!strcmp(n, "kptr") || !strcmp(n, "kptr_untrusted") ||
			  !strcmp(n, "percpu_kptr") || !strcmp(n, "uptr")))
			return n;
		ptr_target = t->type;
	}
	return NULL;
}

/* The first special field of type id (nested structs and arrays
 * included), or NULL. */
static const char *special_field(const struct btf *btf, uint32_t id, int depth)
{
	const struct btf_type *t = bvf_btf_skip_mods(btf, id, NULL);

	if (!t || depth > 16)
		return NULL;
	if (btf_is_array(t))
		return special_field(btf, btf_array(t)->type, depth + 1);
	if (btf_is_ptr(t))
		return kptr_tag(btf, t->type);
	if (!btf_is_composite(t))
		return NULL;
	{
		const char *n = btf__name_by_offset(btf, t->name_off);

		for (size_t i = 0; n && i < sizeof(special_structs) / sizeof(special_structs[0]); i++)
			if (!strcmp(n, special_structs[i]))
				return special_structs[i];
	}
	for (uint16_t i = 0; i < btf_vlen(t); i++) {
		const char *s = special_field(btf, btf_members(t)[i].type, depth + 1);

		if (s)
			return s;
	}
	return NULL;
}

int bvf_local_struct(const struct btf *btf, uint32_t id, uint32_t *size, char *what,
		     size_t what_size)
{
	const struct btf_type *t = btf && id ? btf__type_by_id(btf, id) : NULL;
	const char *s;

	/* kernel __btf_type_is_struct: the id itself, no typedef followed */
	if (!t || !btf_is_struct(t))
		return -ENOENT;
	s = special_field(btf, id, 0);
	if (s) {
		snprintf(what, what_size, "%s", s);
		return -EOPNOTSUPP;
	}
	*size = t->size;
	return 0;
}
