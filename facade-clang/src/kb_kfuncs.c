/* kb_kfuncs.c — kfuncs as the target kernel declares them: whether a
 * program type may call one, its KF_ flags, and its argument and return
 * kinds.
 *
 * Which kfuncs exist and their prototypes come from the kernel's BTF; the
 * flags and the kfunc hooks (program types) whose sets hold each kfunc
 * are not in BTF and come from the profile's kfuncs.json
 * (scripts/kfunc-facts). Kfuncs of APIs not modelled yet (allocated
 * objects, lists and rbtrees, dynptrs, iterators, irq flags, arenas, …)
 * are described as unsupported, so the core ends with BV_ERROR naming
 * them instead of guessing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>
#include <cjson/cJSON.h>

#include "btf_walk.h"
#include "bvf_internal.h"
#include "kb_kfuncs.h"

struct bvf_kfuncs {
	cJSON *doc;
	const cJSON *hooks;       /* prog type -> hook */
	const cJSON *kfuncs;      /* name -> { flags, hooks, filters } */
};

struct bvf_kfuncs *bvf_kfuncs_load(const char *profile_dir, char *err, size_t errsz)
{
	char path[4200];
	struct bvf_kfuncs *kf;
	FILE *f;
	long n;
	char *text;

	snprintf(path, sizeof(path), "%s/kfuncs.json", profile_dir ? profile_dir : ".");
	f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = n > 0 && n < (16l << 20) ? malloc((size_t)n + 1) : NULL;
	if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(text);
		snprintf(err, errsz, "%s: cannot read", path);
		return NULL;
	}
	fclose(f);
	text[n] = '\0';
	kf = calloc(1, sizeof(*kf));
	if (kf)
		kf->doc = cJSON_Parse(text);
	free(text);
	if (!kf || !kf->doc) {
		if (kf)
			free(kf);
		snprintf(err, errsz, "%s: not valid JSON", path);
		return NULL;
	}
	kf->hooks = cJSON_GetObjectItemCaseSensitive(kf->doc, "hooks");
	kf->kfuncs = cJSON_GetObjectItemCaseSensitive(kf->doc, "kfuncs");
	if (!cJSON_IsObject(kf->hooks) || !cJSON_IsObject(kf->kfuncs)) {
		bvf_kfuncs_free(kf);
		snprintf(err, errsz, "%s: no \"hooks\" or \"kfuncs\" object", path);
		return NULL;
	}
	return kf;
}

void bvf_kfuncs_free(struct bvf_kfuncs *kf)
{
	if (!kf)
		return;
	cJSON_Delete(kf->doc);
	free(kf);
}

static bool list_has(const cJSON *list, const char *s)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, list)
		if (cJSON_IsString(it) && strcmp(it->valuestring, s) == 0)
			return true;
	return false;
}

static const struct { const char *name; uint32_t flag; } flag_names[] = {
	{ "acquire", BV_KF_ACQUIRE },
	{ "release", BV_KF_RELEASE },
	{ "ret_null", BV_KF_RET_NULL },
	{ "trusted_args", BV_KF_TRUSTED_ARGS },
	{ "sleepable", BV_KF_SLEEPABLE },
	{ "destructive", BV_KF_DESTRUCTIVE },
	{ "rcu", BV_KF_RCU },
	{ "rcu_protected", BV_KF_RCU_PROTECTED },
	{ "iter_new", BV_KF_ITER | BV_KF_ITER_NEW },
	{ "iter_next", BV_KF_ITER | BV_KF_ITER_NEXT },
	{ "iter_destroy", BV_KF_ITER | BV_KF_ITER_DESTROY },
	{ "fastcall", BV_KF_FASTCALL },
};

/* The dynptr kfuncs the core models (dynptr.c): their dynptr, context
 * and buffer arguments and the slices they return. */
/* The allocated-object kfuncs the core models (alloc_obj.c). */
static bool is_obj_new(const char *name)
{
	return strcmp(name, "bpf_obj_new_impl") == 0;
}

static bool modelled_dynptr_kfunc(const char *name)
{
	return strcmp(name, "bpf_dynptr_from_skb") == 0 ||
	       strcmp(name, "bpf_dynptr_from_xdp") == 0 ||
	       strcmp(name, "bpf_dynptr_slice") == 0 ||
	       strcmp(name, "bpf_dynptr_slice_rdwr") == 0;
}

/* The struct a program type's context pointer has in its kfunc arguments
 * (kernel: btf_is_prog_ctx_type, for the types whose dynptr kfuncs are
 * modelled). */
static const char *ctx_struct(uint32_t prog_type)
{
	switch (prog_type) {
	case 1: case 3: case 4: case 8: case 10: case 11: case 12: case 14: case 19:
		return "__sk_buff";  /* socket filter, tc, cgroup_skb, lwt, sk_skb */
	case 6:
		return "xdp_md";
	default:
		return NULL;
	}
}

/* Kfunc families of the later issue: named, never guessed. */
static const char *unmodelled_family(const char *name)
{
	if (modelled_dynptr_kfunc(name))
		return NULL;
	static const struct { const char *prefix; const char *what; } fam[] = {
		{ "bpf_percpu_obj_", "allocated objects" },
		{ "bpf_refcount_acquire", "allocated objects" },
		{ "bpf_list_", "linked lists" },
		{ "bpf_rbtree_", "rbtrees" },
		{ "bpf_dynptr_", "dynptrs" },
		{ "bpf_iter_", "open-coded iterators" },
		{ "bpf_local_irq_", "irq flags" },
		{ "bpf_arena_", "arenas" },
		{ "bpf_res_spin_", "resilient spin locks" },
		{ "bpf_throw", "exceptions" },
		{ "bpf_cast_to_kern_ctx", "context casts" },
		{ "bpf_rdonly_cast", "BTF casts" },
		{ "bpf_wq_", "workqueues" },
		{ "bpf_task_work_", "task work" },
		{ "bpf_preempt_", "preemption regions" },
		{ "bpf_session_", "kprobe sessions" },
		{ "bpf_kptr_", "kptrs" },
		{ "bpf_copy_from_user_", "dynptrs" },
		{ "bpf_probe_read_", "dynptrs" },
		{ "bpf_stream_", "streams" },
		{ "bpf_map_sum_elem_count", "map iterators" },
	};

	for (size_t i = 0; i < sizeof(fam) / sizeof(fam[0]); i++)
		if (strncmp(name, fam[i].prefix, strlen(fam[i].prefix)) == 0)
			return fam[i].what;
	return NULL;
}


static bool has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n > m && strcmp(s + n - m, suf) == 0;
}

/* Structs whose pointers kfuncs take with meanings of their own (the
 * kernel's special kfunc argument types). */
static bool special_struct(const char *name)
{
	static const char *const names[] = {
		"bpf_dynptr", "bpf_dynptr_kern", "bpf_list_head", "bpf_list_node",
		"bpf_rb_root", "bpf_rb_node", "bpf_refcount", "bpf_wq", "bpf_res_spin_lock",
		"bpf_spin_lock", "bpf_timer", "bpf_task_work",
	};

	if (strncmp(name, "bpf_iter_", 9) == 0)
		return true;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return false;
}

static void describe_arg(const struct btf *btf, const struct btf_param *p, uint32_t prog_type,
			 bool dyn, struct bv_kfunc_arg *a)
{
	const char *pname = btf__name_by_offset(btf, p->name_off);
	const struct btf_type *t = bvf_btf_skip_mods(btf, p->type, NULL);

	snprintf(a->name, sizeof(a->name), "%s", pname ? pname : "");
	a->is_sz = has_suffix(a->name, "__sz") || has_suffix(a->name, "__szk");
	a->is_const = has_suffix(a->name, "__k") || has_suffix(a->name, "__szk");
	a->nullable = has_suffix(a->name, "__nullable") || has_suffix(a->name, "__opt");
	a->is_str = has_suffix(a->name, "__str");
	a->uninit = has_suffix(a->name, "__uninit");
	if (has_suffix(a->name, "__alloc")) {
		a->kind = BV_KF_ARG_ALLOC;
		return;
	}
	if (has_suffix(a->name, "__ign")) {
		a->kind = BV_KF_ARG_IGNORED;
		return;
	}
	if (t && (btf_is_int(t) || btf_is_enum(t) || btf_is_enum64(t))) {
		a->kind = BV_KF_ARG_SCALAR;
		a->size = t->size;
		return;
	}
	if (t && btf_is_ptr(t)) {
		uint32_t sid;
		const struct btf_type *pt = bvf_btf_skip_mods(btf, t->type, &sid);
		const char *sname = pt ? btf__name_by_offset(btf, pt->name_off) : NULL;

		if (pt && btf_is_struct(pt) && sname && strcmp(sname, "bpf_dynptr") == 0) {
			a->kind = BV_KF_ARG_DYNPTR;
			snprintf(a->type_name, sizeof(a->type_name), "%s", sname);
			return;
		}
		if (dyn && pt && btf_is_struct(pt) && sname && ctx_struct(prog_type) &&
		    strcmp(sname, ctx_struct(prog_type)) == 0) {
			a->kind = BV_KF_ARG_CTX;
			snprintf(a->type_name, sizeof(a->type_name), "%s", sname);
			return;
		}
		if (pt && btf_is_struct(pt) && sname && !special_struct(sname)) {
			a->kind = BV_KF_ARG_BTF_ID;
			a->btf_id = sid;
			snprintf(a->type_name, sizeof(a->type_name), "%s", sname);
			return;
		}
		if (pt && btf_is_int(pt) && !a->is_str) {
			a->kind = BV_KF_ARG_MEM;
			a->mem_size = pt->size;
			return;
		}
		if (!pt || sid == 0) {   /* void *: sized by the next argument */
			a->kind = BV_KF_ARG_MEM;
			a->mem_size = 0;
			return;
		}
	}
	a->kind = BV_KF_ARG_OTHER;
	if (t)
		snprintf(a->type_name, sizeof(a->type_name), "%s",
			 btf__name_by_offset(btf, t->name_off) ?: "");
}

/* Iterator types whose methods the core models (their BTF struct names):
 * the ones with no rules of their own beyond the generic iterator ones
 * (the task and css iterators' RCU and program-type rules are not
 * modelled yet). */
static bool iter_type_modelled(const char *sname)
{
	return strcmp(sname, "bpf_iter_num") == 0 || strcmp(sname, "bpf_iter_bits") == 0;
}

/* An iterator method's first argument (kernel btf_check_iter_arg: a
 * pointer to struct bpf_iter_<type>): its struct, or 0. */
static uint32_t iter_arg_struct(const struct btf *btf, const struct btf_type *proto,
				const char **sname)
{
	const struct btf_param *params = btf_params(proto);
	const struct btf_type *t, *pt;
	uint32_t sid;

	if (btf_vlen(proto) < 1)
		return 0;
	t = bvf_btf_skip_mods(btf, params[0].type, NULL);
	if (!t || !btf_is_ptr(t))
		return 0;
	pt = bvf_btf_skip_mods(btf, t->type, &sid);
	if (!pt || !btf_is_struct(pt))
		return 0;
	*sname = btf__name_by_offset(btf, pt->name_off);
	if (!*sname || strncmp(*sname, "bpf_iter_", 9) != 0)
		return 0;
	return sid;
}

int bvf_kfunc_describe(const struct bvf_kfuncs *kf, const struct btf *btf, uint32_t prog_type,
		       int32_t btf_id, struct bv_kfunc_desc *out)
{
	const struct btf_type *fn = btf_id > 0 ? btf__type_by_id(btf, (uint32_t)btf_id) : NULL;
	const struct btf_type *proto, *rt;
	const struct btf_param *params;
	const cJSON *facts, *flags, *hooks, *filters, *it;
	const char *tname = bvf_prog_type_name(prog_type), *hook = NULL, *fam;
	uint32_t n, iter_sid = 0;

	memset(out, 0, sizeof(*out));
	if (!fn || !btf_is_func(fn))
		return -ENOENT;
	proto = btf__type_by_id(btf, fn->type);
	if (!proto || !btf_is_func_proto(proto))
		return -ENOENT;
	out->name = btf__name_by_offset(btf, fn->name_off);

	if (tname && kf) {
		const cJSON *h = cJSON_GetObjectItemCaseSensitive(kf->hooks, tname);

		hook = cJSON_IsString(h) ? h->valuestring : NULL;
	}
	facts = kf ? cJSON_GetObjectItemCaseSensitive(kf->kfuncs, out->name) : NULL;
	if (!kf) {
		snprintf(out->unsupported, sizeof(out->unsupported),
			 "kfunc %s: this kernel profile has no kfunc facts (kfuncs.json)", out->name);
		return 0;
	}
	if (facts) {
		flags = cJSON_GetObjectItemCaseSensitive(facts, "flags");
		hooks = cJSON_GetObjectItemCaseSensitive(facts, "hooks");
		filters = cJSON_GetObjectItemCaseSensitive(facts, "filters");
		if (!cJSON_IsArray(flags) || !cJSON_IsArray(hooks)) {
			out->allowed = false;
			snprintf(out->unsupported, sizeof(out->unsupported),
				 "kfunc %s: its flags and program types in this kernel are not known (kfuncs.json)",
				 out->name);
			return 0;
		}
		/* a rule of this kernel's for the kfunc not modelled yet */
		{
			const cJSON *u = cJSON_GetObjectItemCaseSensitive(facts, "unsupported");

			if (cJSON_IsString(u)) {
				out->allowed = false;
				snprintf(out->unsupported, sizeof(out->unsupported), "kfunc %s: %s",
					 out->name, u->valuestring);
				return 0;
			}
		}
		/* a refusal of this kernel build's after the argument checks */
		{
			const cJSON *r = cJSON_GetObjectItemCaseSensitive(facts, "refused");

			if (cJSON_IsString(r))
				snprintf(out->refused, sizeof(out->refused), "%s", r->valuestring);
		}
		cJSON_ArrayForEach(it, flags)
			for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
				if (cJSON_IsString(it) && !strcmp(it->valuestring, flag_names[i].name))
					out->flags |= flag_names[i].flag;
		out->allowed = list_has(hooks, "common") || (hook && list_has(hooks, hook));
		/* a set's filter decides per program: not modelled */
		if (out->allowed && cJSON_IsObject(filters) && !list_has(hooks, "common") && hook &&
		    cJSON_GetObjectItemCaseSensitive(filters, hook)) {
			const cJSON *flt = cJSON_GetObjectItemCaseSensitive(filters, hook);

			out->allowed = false;
			snprintf(out->unsupported, sizeof(out->unsupported),
				 "kfunc %s: whether this program may call it is the kernel's filter %s, not modelled yet",
				 out->name, cJSON_IsString(flt) ? flt->valuestring : "?");
			return 0;
		}
	}
	/* Not in any set: the kernel refuses the call ("not allowed"). */
	if (!out->allowed)
		return 0;
	fam = unmodelled_family(out->name);
	if (out->flags & BV_KF_ITER) {
		const char *sname = NULL;

		iter_sid = iter_arg_struct(btf, proto, &sname);
		if (iter_sid && iter_type_modelled(sname))
			fam = NULL;
		else
			iter_sid = 0;
	}
	if (fam || ((out->flags & BV_KF_ITER) && !iter_sid)) {
		snprintf(out->unsupported, sizeof(out->unsupported),
			 "kfunc %s (%s) is not modelled yet", out->name, fam ? fam : "iterators");
		return 0;
	}

	n = btf_vlen(proto);
	params = btf_params(proto);
	if (n > 5) {
		snprintf(out->unsupported, sizeof(out->unsupported),
			 "kfunc %s has %u arguments", out->name, n);
		return 0;
	}
	out->nargs = n;
	for (uint32_t i = 0; i < n; i++)
		describe_arg(btf, &params[i], prog_type, modelled_dynptr_kfunc(out->name),
			     &out->args[i]);
	if (iter_sid) {
		/* the iterator's state: its struct's size in stack slots */
		const struct btf_type *it = btf__type_by_id(btf, iter_sid);

		out->args[0].kind = BV_KF_ARG_ITER;
		out->args[0].btf_id = iter_sid;
		out->args[0].size = it ? it->size : 0;
		snprintf(out->args[0].type_name, sizeof(out->args[0].type_name), "%s",
			 btf__name_by_offset(btf, it->name_off) ?: "");
	}

	rt = proto->type ? bvf_btf_skip_mods(btf, proto->type, NULL) : NULL;
	if (!rt) {
		out->ret = BV_KF_RET_VOID;
	} else if (btf_is_int(rt) || btf_is_enum(rt) || btf_is_enum64(rt)) {
		out->ret = BV_KF_RET_SCALAR;
		out->ret_size = rt->size;
	} else if (btf_is_ptr(rt)) {
		uint32_t sid;
		const struct btf_type *pt = bvf_btf_skip_mods(btf, rt->type, &sid);

		if (is_obj_new(out->name) && (!pt || sid == 0)) {
			out->ret = BV_KF_RET_ALLOC_OBJ;
		} else if (pt && btf_is_struct(pt)) {
			out->ret = BV_KF_RET_BTF_ID;
			out->ret_btf_id = sid;
		} else if (pt && btf_is_int(pt) && iter_sid) {
			/* kernel: a pointer to a sized non-struct type is
			 * read-only memory of that size */
			out->ret = BV_KF_RET_MEM;
			out->ret_size = pt->size;
		} else {
			out->ret = BV_KF_RET_OTHER;
		}
	} else {
		out->ret = BV_KF_RET_OTHER;
	}
	if (out->ret == BV_KF_RET_OTHER && !modelled_dynptr_kfunc(out->name)) {
		snprintf(out->unsupported, sizeof(out->unsupported),
			 "kfunc %s: its return type is not modelled yet", out->name);
		return 0;
	}
	for (uint32_t i = 0; i < n; i++) {
		const struct bv_kfunc_arg *a = &out->args[i];
		bool dyn = modelled_dynptr_kfunc(out->name);

		if (a->kind == BV_KF_ARG_OTHER || a->is_str ||
		    (!dyn && (a->kind == BV_KF_ARG_DYNPTR || a->kind == BV_KF_ARG_CTX)) ||
		    (a->kind == BV_KF_ARG_MEM && !a->mem_size && !(dyn && i + 1 < n && out->args[i + 1].is_sz)) ||
		    (!dyn && a->kind == BV_KF_ARG_MEM && i + 1 < n && out->args[i + 1].is_sz) ||
		    (!dyn && a->kind == BV_KF_ARG_SCALAR && a->is_sz)) {
			snprintf(out->unsupported, sizeof(out->unsupported),
				 "kfunc %s: argument %u ('%s') is of a kind not modelled yet",
				 out->name, i, a->name);
			return 0;
		}
	}
	return 0;
}
