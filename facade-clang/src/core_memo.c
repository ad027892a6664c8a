/* core_memo.c — the table behind core_memo.h: open addressing on the
 * (type id, access string offset, kind) triple, values copied. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core_memo.h"

struct memo_slot {
	uint32_t type_id, access_str_off, kind;
	void *value;   /* NULL: empty */
};

struct bvf_core_memo {
	const void *targ;
	struct memo_slot *slots;
	size_t cap, used;   /* cap a power of two, used <= cap / 2 */
};

static size_t slot_of(uint32_t type_id, uint32_t off, uint32_t kind, size_t cap)
{
	uint64_t h = ((uint64_t)type_id * 0x9e3779b97f4a7c15ull) ^
		     ((uint64_t)off * 0xc2b2ae3d27d4eb4full) ^ kind;

	h ^= h >> 29;
	return (size_t)(h & (cap - 1));
}

struct bvf_core_memo *bvf_core_memo_new(const void *targ)
{
	struct bvf_core_memo *m = calloc(1, sizeof(*m));

	if (m)
		m->targ = targ;
	return m;
}

void bvf_core_memo_free(struct bvf_core_memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].value);
	free(m->slots);
	free(m);
}

const void *bvf_core_memo_target(const struct bvf_core_memo *m)
{
	return m ? m->targ : NULL;
}

static struct memo_slot *lookup(struct memo_slot *slots, size_t cap, uint32_t type_id,
				uint32_t off, uint32_t kind)
{
	for (size_t i = slot_of(type_id, off, kind, cap);; i = (i + 1) & (cap - 1)) {
		struct memo_slot *s = &slots[i];

		if (!s->value || (s->type_id == type_id && s->access_str_off == off &&
				  s->kind == kind))
			return s;
	}
}

const void *bvf_core_memo_get(const struct bvf_core_memo *m, uint32_t type_id,
			      uint32_t access_str_off, uint32_t kind)
{
	if (!m || !m->cap)
		return NULL;
	return lookup(m->slots, m->cap, type_id, access_str_off, kind)->value;
}

static int grow(struct bvf_core_memo *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	struct memo_slot *slots = calloc(cap, sizeof(*slots));

	if (!slots)
		return -ENOMEM;
	for (size_t i = 0; i < m->cap; i++) {
		struct memo_slot *s = &m->slots[i];

		if (s->value)
			*lookup(slots, cap, s->type_id, s->access_str_off, s->kind) = *s;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

int bvf_core_memo_put(struct bvf_core_memo *m, uint32_t type_id, uint32_t access_str_off,
		      uint32_t kind, const void *value, size_t size)
{
	struct memo_slot *s;
	void *copy;

	if (!m || !value)
		return -EINVAL;
	if ((m->used + 1) * 2 > m->cap && grow(m))
		return -ENOMEM;
	copy = malloc(size);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, value, size);
	s = lookup(m->slots, m->cap, type_id, access_str_off, kind);
	if (s->value) {
		free(s->value);
	} else {
		m->used++;
		s->type_id = type_id;
		s->access_str_off = access_str_off;
		s->kind = kind;
	}
	s->value = copy;
	return 0;
}
