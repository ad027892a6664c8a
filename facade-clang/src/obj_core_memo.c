/* obj_core_memo.c — an object's CO-RE memos (core_memo.h), one per target
 * kernel: resolutions made for one program are reused by the next ones of
 * the same object. The object is shared read-only by verifications that
 * may run in parallel, so the memos are behind the object's own lock. */
#include <stdlib.h>

#include "core_memo.h"
#include "obj_internal.h"

void obj_core_memos_init(struct bvf_object *obj)
{
	pthread_mutex_init(&obj->memo_lock, NULL);
	obj->memos_ready = true;
}

void obj_core_memos_free(struct bvf_object *obj)
{
	if (!obj->memos_ready)
		return;
	for (size_t i = 0; i < obj->nr_memos; i++)
		bvf_core_memo_free(obj->memos[i].memo);
	free(obj->memos);
	pthread_mutex_destroy(&obj->memo_lock);
}

struct bvf_core_memo *bvf_program_core_memo_acquire(const struct bvf_program *prog,
						    const void *key, const void *targ)
{
	/* the object is ours (allocated writable); only the memos change */
	struct bvf_object *obj = (struct bvf_object *)bvf_program_object(prog);
	struct obj_memo *grown;
	struct bvf_core_memo *m;

	if (!obj || !obj->memos_ready)
		return NULL;
	pthread_mutex_lock(&obj->memo_lock);
	for (size_t i = 0; i < obj->nr_memos; i++) {
		if (obj->memos[i].key != key)
			continue;
		if (bvf_core_memo_target(obj->memos[i].memo) == targ)
			return obj->memos[i].memo;
		/* same key, another BTF (a kernel closed and another opened at
		 * its address): start afresh */
		m = bvf_core_memo_new(targ);
		if (!m)
			break;
		bvf_core_memo_free(obj->memos[i].memo);
		obj->memos[i].memo = m;
		return m;
	}
	m = bvf_core_memo_new(targ);
	grown = m ? realloc(obj->memos, (obj->nr_memos + 1) * sizeof(*grown)) : NULL;
	if (!grown) {
		bvf_core_memo_free(m);
		pthread_mutex_unlock(&obj->memo_lock);
		return NULL;
	}
	obj->memos = grown;
	obj->memos[obj->nr_memos++] = (struct obj_memo){ .key = key, .memo = m };
	return m;
}

void bvf_program_core_memo_release(const struct bvf_program *prog, struct bvf_core_memo *m)
{
	struct bvf_object *obj = (struct bvf_object *)bvf_program_object(prog);

	if (m && obj)
		pthread_mutex_unlock(&obj->memo_lock);
}
