/* btf_walk.h — small walks over a BTF shared by the facade's readers
 * (CO-RE relocations, ksyms, kfunc prototypes, tracing targets). */
#ifndef BVF_BTF_WALK_H
#define BVF_BTF_WALK_H

#include <stdint.h>

struct btf;
struct btf_type;

/* The type reached from id past modifiers (const, volatile, restrict,
 * type tags) and typedefs, as libbpf's skip_mods_and_typedefs and the
 * kernel's btf_type_skip_modifiers do. NULL for an id outside the BTF or a
 * chain longer than 32 (a corrupt BTF may loop). *res_id, when not NULL,
 * gets the id last reached. */
const struct btf_type *bvf_btf_skip_mods(const struct btf *btf, uint32_t id, uint32_t *res_id);

/* libbpf's bpf_core_types_are_compat: are local_id (object BTF) and
 * targ_id (target BTF) the same kind all the way down, through pointers,
 * arrays and function prototypes? Names and sizes are not compared;
 * integers match unless one is an old bitfield-style integer. 1 yes,
 * 0 no, -EINVAL on a broken or too deep BTF. (core_relo.c) */
int bvf_btf_types_compat(const struct btf *local, uint32_t local_id,
			 const struct btf *targ, uint32_t targ_id);

#endif
