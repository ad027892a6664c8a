/* obj_link.c — assembling one program as libbpf does before loading it:
 * the entry function's code, then every .text subprogram it reaches
 * (through BPF_PSEUDO_CALL calls and ld_imm64 references to functions,
 * i.e. callbacks), each appended once in depth-first order of first use,
 * with call and function-pointer imm values rewritten to the new relative
 * offsets; then map and global-data references relocated into the
 * BV_PSEUDO_MAP_FD / BV_PSEUDO_MAP_VALUE form whose imm is the map index;
 * then CO-RE relocations recorded at their new positions (applied later,
 * per target kernel, by bvf_verify); then func_info and line_info moved to
 * the new instruction positions.
 *
 * Anything that prevents verification (externs, odd relocations)
 * becomes the program's error, never an object failure: the other
 * programs of the object stay verifiable.
 */
#include <errno.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>

#include "obj_internal.h"

#define NOT_PLACED UINT32_MAX
#define LD_IMM64   (BV_LD | BV_IMM | BV_DW)

struct link {
	struct bvf_program *prog;
	const struct bvf_object *obj;
	uint32_t *placed;          /* per object function: output offset */
	uint32_t *order;           /* object functions in assembly order */
	uint32_t nr_order;
	struct bv_insn *insns;
	uint32_t cnt, cap;
};

struct frame {
	uint32_t func;
	uint32_t next;             /* next instruction of func to examine */
};

static const char *rel_type_name(uint32_t type)
{
	switch (type) {
	case OBJ_R_BPF_NONE: return "R_BPF_NONE";
	case OBJ_R_BPF_64_64: return "R_BPF_64_64";
	case OBJ_R_BPF_64_ABS64: return "R_BPF_64_ABS64";
	case OBJ_R_BPF_64_ABS32: return "R_BPF_64_ABS32";
	case OBJ_R_BPF_64_NODYLD32: return "R_BPF_64_NODYLD32";
	case OBJ_R_BPF_64_32: return "R_BPF_64_32";
	default: return "unknown";
	}
}

static const struct obj_rel *find_rel(const struct obj_sec *s, uint32_t insn)
{
	size_t lo = 0, hi = s->nr_rels;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->rels[mid].insn < insn)
			lo = mid + 1;
		else if (s->rels[mid].insn > insn)
			hi = mid;
		else
			return &s->rels[mid];
	}
	return NULL;
}

/* First relocation of section s at or after instruction `insn`. */
static size_t first_rel(const struct obj_sec *s, uint32_t insn)
{
	size_t lo = 0, hi = s->nr_rels;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->rels[mid].insn < insn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* First line record at or after (sec, insn); records are sorted. */
static size_t first_line(const struct bvf_object *obj, uint32_t sec, uint32_t insn)
{
	size_t lo = 0, hi = obj->nr_line_recs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct obj_line_rec *r = &obj->line_recs[mid];

		if (r->sec < sec || (r->sec == sec && r->insn < insn))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t first_core(const struct bvf_object *obj, uint32_t sec, uint32_t insn)
{
	size_t lo = 0, hi = obj->nr_core_recs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct obj_core_rec *r = &obj->core_recs[mid];

		if (r->sec < sec || (r->sec == sec && r->insn < insn))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int append(struct link *l, uint32_t fi)
{
	const struct obj_func *f = &l->obj->funcs[fi];
	const struct obj_sec *s = &l->obj->secs[f->sec];

	if (l->cnt + f->cnt > l->cap) {
		uint32_t cap = l->cap ? l->cap : 64;
		struct bv_insn *grown;

		while (cap < l->cnt + f->cnt)
			cap *= 2;
		grown = realloc(l->insns, (size_t)cap * sizeof(*grown));
		if (!grown)
			return -ENOMEM;
		l->insns = grown;
		l->cap = cap;
	}
	/* memcpy: section data need not be aligned for struct bv_insn. */
	memcpy(l->insns + l->cnt, s->data + (size_t)f->off * sizeof(struct bv_insn),
	       (size_t)f->cnt * sizeof(struct bv_insn));
	l->placed[fi] = l->cnt;
	l->order[l->nr_order++] = fi;
	l->cnt += f->cnt;
	return 0;
}

static const char *sym_desc(const struct bvf_object *obj, const struct obj_sym *y)
{
	if (y->name[0])
		return y->name;
	if (y->shndx > 0 && y->shndx < obj->nr_secs)
		return obj->secs[y->shndx].name;
	return "<anon>";
}

/* For the instruction at `i` of function `fi`: the .text instruction it
 * calls or takes the address of, or -1 when it does neither. Returns -2
 * after setting the program error. */
/* A call of, or an ld_imm64 of the address of, an extern function (a
 * kfunc): libbpf resolves it against each kernel's BTF at load, so it is
 * recorded for the facade to patch per kernel. The call becomes a kfunc
 * call of id 0 until then. */
static bool link_kfunc_ref(struct link *l, const struct obj_sym *y, uint32_t pos,
			   struct bv_insn *insn, bool addr)
{
	const struct bvf_object *obj = l->obj;
	struct bvf_program *p = l->prog;
	struct bvf_kfunc_ref *refs;
	size_t x;

	for (x = 0; x < obj->nr_extern_funcs; x++)
		if (strcmp(obj->extern_funcs[x].name, y->name) == 0)
			break;
	if (x == obj->nr_extern_funcs)
		return false;
	refs = realloc(p->kfunc_refs, (p->nr_kfunc_refs + 1) * sizeof(*refs));
	if (!refs) {
		obj_prog_fail(p, "out of memory");
		return true;
	}
	p->kfunc_refs = refs;
	refs[p->nr_kfunc_refs++] = (struct bvf_kfunc_ref){ pos, (uint32_t)x, addr };
	if (!addr) {
		insn->src_reg = BV_PSEUDO_KFUNC_CALL;
		insn->imm = 0;
		insn->off = 0;
	}
	return true;
}

static int64_t subprog_target(struct link *l, uint32_t fi, uint32_t i, bool *is_func_ptr)
{
	const struct bvf_object *obj = l->obj;
	const struct obj_func *f = &obj->funcs[fi];
	const struct bv_insn *insn = &l->insns[l->placed[fi] + i];
	/* only a call or an ld_imm64 can name a function: the relocation
	 * lookup is skipped for every other instruction */
	const struct obj_rel *rel = insn->code == LD_IMM64 || insn->code == (BV_JMP | BV_CALL) ?
				    find_rel(&obj->secs[f->sec], f->off + i) : NULL;
	const struct obj_sym *y = rel ? &obj->syms[rel->sym] : NULL;
	bool is_call = insn->code == (BV_JMP | BV_CALL) &&
		       (insn->src_reg == BV_PSEUDO_CALL ||
			(insn->src_reg == BV_PSEUDO_KFUNC_CALL && rel && y->shndx == SHN_UNDEF));

	*is_func_ptr = false;
	if (insn->code == LD_IMM64 && rel && rel->type == OBJ_R_BPF_64_64 &&
	    y->shndx == (uint32_t)obj->text_sec && obj->text_sec > 0) {
		int64_t byte = (int64_t)y->value + insn->imm;

		if (byte < 0 || byte % (int64_t)sizeof(struct bv_insn)) {
			obj_prog_fail(l->prog, "bad subprog addr relo against '%s' at offset %llu+%d",
				      sym_desc(obj, y), (unsigned long long)y->value, insn->imm);
			return -2;
		}
		*is_func_ptr = true;
		return byte / (int64_t)sizeof(struct bv_insn);
	}
	if (!is_call)
		return -1;
	if (rel) {
		if (y->shndx == SHN_UNDEF) {
			if (link_kfunc_ref(l, y, l->placed[fi] + i,
					   (struct bv_insn *)insn, false))
				return l->prog->error ? -2 : -1;
			obj_prog_fail(l->prog, "externs are not supported yet (call to extern '%s')",
				      sym_desc(obj, y));
			return -2;
		}
		if (rel->type != OBJ_R_BPF_64_32 || y->shndx != (uint32_t)obj->text_sec ||
		    y->value % sizeof(struct bv_insn)) {
			obj_prog_fail(l->prog, "bad call relo against '%s' in section '%s' (%s)",
				      sym_desc(obj, y),
				      y->shndx < obj->nr_secs ? obj->secs[y->shndx].name : "?",
				      rel_type_name(rel->type));
			return -2;
		}
		return (int64_t)(y->value / sizeof(struct bv_insn)) + insn->imm + 1;
	}
	/* No relocation: a call within the same section, imm relative to
	 * the call's position there; libbpf only resolves these in .text. */
	if (f->sec != (uint32_t)obj->text_sec) {
		obj_prog_fail(l->prog, "call at insn %u has no relocation and does not target .text",
			      l->placed[fi] + i);
		return -2;
	}
	return (int64_t)f->off + i + insn->imm + 1;
}

/* Depth-first, as libbpf's recursive relocation: a subprogram is appended
 * when first referenced, and processed before the rest of its referrer. */
static int place_subprogs(struct link *l, uint32_t entry)
{
	const struct bvf_object *obj = l->obj;
	struct frame *stack;
	size_t depth = 0;
	int err = 0;

	stack = calloc(obj->nr_funcs + 1, sizeof(*stack));
	if (!stack)
		return -ENOMEM;
	err = append(l, entry);
	if (err)
		goto out;
	stack[depth++] = (struct frame){ entry, 0 };
	while (depth) {
		struct frame *fr = &stack[depth - 1];
		const struct obj_func *f = &obj->funcs[fr->func];
		bool pushed = false;

		while (fr->next < f->cnt) {
			uint32_t i = fr->next;
			uint32_t pos = l->placed[fr->func] + i;
			bool func_ptr;
			int64_t target = subprog_target(l, fr->func, i, &func_ptr);
			int g;

			if (target == -2)
				goto out;
			if (target == -1) {
				fr->next += l->insns[pos].code == LD_IMM64 ? 2 : 1;
				continue;
			}
			g = target >= 0 && target <= UINT32_MAX ?
			    obj_func_find(obj, (uint32_t)obj->text_sec, (uint32_t)target) : -1;
			if (g < 0 || obj->funcs[g].off != target) {
				obj_prog_fail(l->prog, "insn %u refers to instruction %lld of .text, which is not the start of a subprogram",
					      pos, (long long)target);
				goto out;
			}
			if (l->placed[g] == NOT_PLACED) {
				err = append(l, (uint32_t)g);
				if (err)
					goto out;
				stack[depth++] = (struct frame){ (uint32_t)g, 0 };
				pushed = true;  /* revisit insn i once g is placed */
				break;
			}
			l->insns[pos].imm = (int32_t)((int64_t)l->placed[g] - pos - 1);
			if (func_ptr)
				l->insns[pos].src_reg = BV_PSEUDO_FUNC;
			fr->next += func_ptr ? 2 : 1;
		}
		if (!pushed)
			depth--;
	}
out:
	free(stack);
	return err;
}

/* An ld_imm64 of an extern variable, as libbpf relocates it: a kconfig
 * value becomes a load of its place in the .kconfig map; a ksym address
 * is recorded, for the facade to fill in per kernel. */
static void link_extern_var(struct link *l, const struct obj_sym *y, uint32_t pos,
			    struct bv_insn *insn)
{
	const struct bvf_object *obj = l->obj;
	int x = obj_externs_find(obj, y->name);
	struct bvf_program *p = l->prog;
	struct bvf_ksym_ref *refs;

	if (x < 0) {
		obj_prog_fail(p, "extern '%s' is neither a .kconfig nor a .ksyms variable of the object's BTF",
			      y->name);
		return;
	}
	if (obj->extern_vars[x].kconfig) {
		if (obj->kconfig_map < 0) {
			obj_prog_fail(p, "extern (kcfg) '%s' has no place in the .kconfig map", y->name);
			return;
		}
		insn[0].src_reg = BV_PSEUDO_MAP_VALUE;
		insn[0].imm = obj->kconfig_map;
		insn[1].imm = (int32_t)obj->extern_vars[x].data_off;
		return;
	}
	refs = realloc(p->ksym_refs, (p->nr_ksym_refs + 1) * sizeof(*refs));
	if (!refs) {
		obj_prog_fail(p, "out of memory");
		return;
	}
	p->ksym_refs = refs;
	refs[p->nr_ksym_refs++] = (struct bvf_ksym_ref){ pos, (uint32_t)x };
}

/* An ld_imm64 that names a map by fd (src_reg BPF_PSEUDO_MAP_FD/VALUE, or
 * the fd_array index forms) with no relocation: libbpf leaves it alone,
 * and the kernel looks the number up as the loader's file descriptor. The
 * first one is recorded; bvf_verify reports the kernel's refusal. */
static void find_raw_map_fd(struct link *l)
{
	const struct bvf_object *obj = l->obj;
	struct bvf_program *p = l->prog;

	p->raw_map_fd_insn = -1;
	for (uint32_t k = 0; k < l->nr_order; k++) {
		const struct obj_func *f = &obj->funcs[l->order[k]];
		const struct obj_sec *s = &obj->secs[f->sec];

		for (uint32_t i = 0; i + 1 < f->cnt; i++) {
			uint32_t pos = l->placed[l->order[k]] + i;
			const struct bv_insn *insn = &l->insns[pos];

			if (insn->code != LD_IMM64)
				continue;
			if ((insn->src_reg == BV_PSEUDO_MAP_FD || insn->src_reg == BV_PSEUDO_MAP_VALUE ||
			     insn->src_reg == BV_PSEUDO_MAP_IDX ||
			     insn->src_reg == BV_PSEUDO_MAP_IDX_VALUE) &&
			    !find_rel(s, f->off + i) &&
			    (p->raw_map_fd_insn < 0 || pos < (uint32_t)p->raw_map_fd_insn)) {
				p->raw_map_fd_insn = pos;
				p->raw_map_fd = insn->imm;
				p->raw_map_fd_idx = insn->src_reg == BV_PSEUDO_MAP_IDX ||
						    insn->src_reg == BV_PSEUDO_MAP_IDX_VALUE;
			}
			i++;
		}
	}
}

/* Maps, global data, externs: every other relocation of the placed code. */
static void relocate_data(struct link *l)
{
	const struct bvf_object *obj = l->obj;

	for (uint32_t k = 0; k < l->nr_order && !l->prog->error; k++) {
		const struct obj_func *f = &obj->funcs[l->order[k]];
		const struct obj_sec *s = &obj->secs[f->sec];

		for (size_t r = first_rel(s, f->off);
		     r < s->nr_rels && s->rels[r].insn < f->off + f->cnt && !l->prog->error; r++) {
			const struct obj_rel *rel = &s->rels[r];
			const struct obj_sym *y = &obj->syms[rel->sym];
			uint32_t pos;
			struct bv_insn *insn;

			pos = l->placed[l->order[k]] + (rel->insn - f->off);
			insn = &l->insns[pos];
			if (rel->type == OBJ_R_BPF_NONE)
				continue;
			if (rel->type == OBJ_R_BPF_64_32) {
				if (insn->code == (BV_JMP | BV_CALL) &&
				    (insn->src_reg == BV_PSEUDO_CALL ||
				     insn->src_reg == BV_PSEUDO_KFUNC_CALL))
					continue;  /* placed above */
				if (y->shndx == SHN_UNDEF)
					obj_prog_fail(l->prog, "externs are not supported yet (call to extern '%s')",
						      sym_desc(obj, y));
				else
					obj_prog_fail(l->prog, "invalid relo against '%s' for insns[%u].code 0x%x",
						      sym_desc(obj, y), pos, insn->code);
				continue;
			}
			if (rel->type != OBJ_R_BPF_64_64) {
				obj_prog_fail(l->prog, "unsupported relocation %s (type %u) against '%s' at insn %u",
					      rel_type_name(rel->type), rel->type, sym_desc(obj, y), pos);
				continue;
			}
			if (insn->code != LD_IMM64 || rel->insn + 1 >= f->off + f->cnt) {
				obj_prog_fail(l->prog, "invalid relo against '%s' for insns[%u].code 0x%x",
					      sym_desc(obj, y), pos, insn->code);
				continue;
			}
			if (y->shndx == SHN_UNDEF) {
				if (obj_externs_find(obj, y->name) < 0 &&
				    link_kfunc_ref(l, y, pos, insn, true))
					continue;
				link_extern_var(l, y, pos, insn);
				continue;
			}
			if (y->shndx == (uint32_t)obj->text_sec && obj->text_sec > 0)
				continue;  /* function pointer, placed above */
			if (y->shndx == (uint32_t)obj->maps_sec && obj->maps_sec > 0) {
				/* A named map symbol has imm 0; a static map may be
				 * referenced through the section symbol, imm = offset. */
				int64_t off = (int64_t)y->value + insn->imm;
				int m = off >= 0 ? obj_maps_find(obj, y->shndx, (uint64_t)off) : -1;

				if (m < 0) {
					obj_prog_fail(l->prog, "map relo failed to find map for '%s' at offset %lld of .maps",
						      sym_desc(obj, y), (long long)off);
					continue;
				}
				insn->src_reg = BV_PSEUDO_MAP_FD;
				insn->imm = m;
				continue;
			}
			if (y->shndx < obj->nr_secs && obj->secs[y->shndx].map >= 0) {
				int64_t off = (int64_t)insn[0].imm + (int64_t)y->value;

				if (off < INT32_MIN || off > INT32_MAX) {
					obj_prog_fail(l->prog, "data relo against '%s' has an absurd offset %lld",
						      sym_desc(obj, y), (long long)off);
					continue;
				}
				insn[1].imm = (int32_t)off;
				insn[0].src_reg = BV_PSEUDO_MAP_VALUE;
				insn[0].imm = obj->secs[y->shndx].map;
				continue;
			}
			obj_prog_fail(l->prog, "relocation against '%s' in section '%s' is not supported",
				      sym_desc(obj, y),
				      y->shndx < obj->nr_secs ? obj->secs[y->shndx].name : "?");
		}
	}
}

/* CO-RE relocations of every placed function, moved to the assembled
 * positions; they are resolved per target kernel by bvf_verify(). Counted
 * first, then filled; functions are placed at increasing offsets, so the
 * list comes out sorted by instruction. */
static int place_core(struct link *l)
{
	const struct bvf_object *obj = l->obj;
	struct bvf_program *p = l->prog;
	size_t n = 0;

	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t k = 0; k < l->nr_order; k++) {
			const struct obj_func *f = &obj->funcs[l->order[k]];

			for (size_t r = first_core(obj, f->sec, f->off); r < obj->nr_core_recs; r++) {
				const struct obj_core_rec *c = &obj->core_recs[r];
				struct bvf_core_relo *out;

				if (c->sec != f->sec || c->insn >= f->off + f->cnt)
					break;
				if (pass == 0) {
					/* Kernel-independent: libbpf refuses the load. */
					if (c->kind > BVF_CORE_TYPE_MATCHES) {
						obj_prog_fail(p, "CO-RE relocation #%u (section '%s', insn %u) has unknown kind %u (libbpf knows kinds 0 to %d)",
							      c->rec_idx, obj->secs[c->sec].name,
							      c->insn - f->off + l->placed[l->order[k]],
							      c->kind, BVF_CORE_TYPE_MATCHES);
						return 0;
					}
					n++;
					continue;
				}
				out = &p->core_relos[p->nr_core_relos++];
				out->insn = c->insn - f->off + l->placed[l->order[k]];
				out->type_id = c->type_id;
				out->access_str_off = c->access_str_off;
				out->kind = c->kind;
				out->rec_idx = c->rec_idx;
				out->sec_name = obj->secs[c->sec].name;
			}
		}
		if (pass == 0) {
			if (!n)
				return 0;
			p->core_relos = calloc(n, sizeof(*p->core_relos));
			if (!p->core_relos)
				return -ENOMEM;
		}
	}
	return 0;
}

/* func_info and line_info of each placed function, moved to its new
 * position (functions are placed at increasing offsets, so both lists
 * come out sorted). */
static int place_ext_info(struct link *l)
{
	const struct bvf_object *obj = l->obj;
	struct bvf_program *p = l->prog;
	size_t nl = 0;

	p->funcs = calloc(l->nr_order + 1, sizeof(*p->funcs));
	p->func_cnt = calloc(l->nr_order + 1, sizeof(*p->func_cnt));
	if (!p->funcs || !p->func_cnt)
		return -ENOMEM;
	for (uint32_t k = 0; k < l->nr_order; k++) {
		const struct obj_func *f = &obj->funcs[l->order[k]];

		p->funcs[k].insn_off = l->placed[l->order[k]];
		p->funcs[k].name = f->name;
		/* The entry is the main program, never verified as a global
		 * subprogram, whatever its linkage. */
		p->funcs[k].global = k > 0 && f->global;
		p->funcs[k].btf_id = f->btf_id;
		p->func_cnt[k] = f->cnt;
		for (size_t r = first_line(obj, f->sec, f->off); r < obj->nr_line_recs; r++) {
			const struct obj_line_rec *lr = &obj->line_recs[r];

			if (lr->sec != f->sec || lr->insn >= f->off + f->cnt)
				break;
			nl++;
		}
	}
	p->nr_funcs = l->nr_order;
	p->lines = calloc(nl + 1, sizeof(*p->lines));
	if (!p->lines)
		return -ENOMEM;
	for (uint32_t k = 0; k < l->nr_order; k++) {
		const struct obj_func *f = &obj->funcs[l->order[k]];

		for (size_t r = first_line(obj, f->sec, f->off); r < obj->nr_line_recs; r++) {
			const struct obj_line_rec *lr = &obj->line_recs[r];
			struct obj_line *out;

			if (lr->sec != f->sec || lr->insn >= f->off + f->cnt)
				break;
			out = &p->lines[p->nr_lines++];
			out->insn = lr->insn - f->off + l->placed[l->order[k]];
			out->file = lr->file;
			out->text = lr->text;
			out->line = lr->line;
			out->col = lr->col;
		}
	}
	return 0;
}

int obj_link_program(struct bvf_program *prog)
{
	const struct bvf_object *obj = prog->obj;
	struct link l = { .prog = prog, .obj = obj };
	int err = -ENOMEM;

	l.placed = malloc((obj->nr_funcs + 1) * sizeof(*l.placed));
	l.order = malloc((obj->nr_funcs + 1) * sizeof(*l.order));
	if (!l.placed || !l.order)
		goto out;
	for (size_t i = 0; i < obj->nr_funcs; i++)
		l.placed[i] = NOT_PLACED;
	err = place_subprogs(&l, prog->entry);
	if (err)
		goto out;
	if (!prog->error)
		find_raw_map_fd(&l);
	if (!prog->error)
		relocate_data(&l);
	if (!prog->error)
		err = place_core(&l);
	if (!err)
		err = place_ext_info(&l);
	prog->insns = l.insns;
	prog->insn_cnt = l.cnt;
	l.insns = NULL;
out:
	free(l.insns);
	free(l.placed);
	free(l.order);
	return err;
}
