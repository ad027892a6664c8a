/* core_relo.c — resolving CO-RE relocations against a target BTF and
 * patching the instructions, with libbpf's semantics (the loader whose
 * behaviour the kernel's verdict depends on):
 *
 *  1. The record's access string ("0:1:2") is parsed against the local
 *     (object) BTF into a spec: the root type, then one accessor per named
 *     field or array index (anonymous struct/union members are walked
 *     through but not recorded), and the access's bit offset.
 *  2. Candidates are the target types of a compatible kind whose name
 *     equals the root's modulo a "___flavor" suffix.
 *  3. The spec is matched against each candidate: named fields by name
 *     (searching anonymous members recursively) with compatible types,
 *     array indexes within bounds (or a flexible array); types and enums as
 *     their kind requires. All matching candidates must agree, or the load
 *     fails for ambiguity. Candidates that match narrow the list for later
 *     relocations of the same root type.
 *  4. The value the compiler assumed (local spec) and the target's value are
 *     computed; the instruction is checked against the former and patched
 *     with the latter: ALU/ALU64 imm, LDX/ST/STX off (and memory size, when
 *     the field's size changed and that is safe), ld_imm64 imm.
 *  5. A relocation that cannot be satisfied (no field, no enumerator, an
 *     unsafe size change) does not fail the load: the instruction is
 *     "poisoned" into a call of helper 0xbad2310, which the verifier rejects
 *     only if it is reachable.
 *
 * Every index read from a BTF or a record is bounds-checked here: the
 * local BTF comes from an untrusted object and the target BTF from a file.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bpf/btf.h>

#include "bpfverify/bvdb.h"
#include "btf_ref.h"
#include "btf_walk.h"
#include "core_memo.h"
#include "core_relo.h"

#define SPEC_MAX       64   /* accessors per spec, as libbpf */
#define COMPAT_LEVELS  32   /* nesting of type compatibility checks */
#define LD_IMM64       (BV_LD | BV_IMM | BV_DW)
#define S16_MAX        32767

struct accessor {
	uint32_t type_id;     /* composite holding the field, or array element type */
	uint32_t idx;         /* member index or array index */
	const char *name;     /* field (or enumerator) name; NULL for an array index */
};

struct spec {
	const struct bvf_btf_ref *btf;
	uint32_t root_id;
	uint32_t kind;
	struct accessor acc[SPEC_MAX];  /* high level: named fields and indexes */
	int len;
	uint32_t raw[SPEC_MAX];         /* low level: every access string element */
	int raw_len;
	uint64_t bit_off;
};

/* Result of one relocation for one candidate (or for none). */
struct calc {
	bool poison;
	bool validate;              /* check the instruction holds orig_val */
	bool fail_memsz;            /* a load/store size change would be unsafe */
	uint64_t orig_val, new_val;
	uint32_t orig_sz, new_sz;   /* field sizes of a byte_off relocation, 0 if n/a */
	uint32_t orig_type, new_type;
};

/* Candidate list of one local root type, narrowed as relocations match. */
struct cands {
	uint32_t local_id;
	uint32_t *ids;
	size_t len;
	size_t initial_len;   /* before any narrowing */
};

struct ctx {
	const struct bvf_btf_ref *local, *targ;   /* local_ref, targ_ref */
	struct bvf_btf_ref local_ref, targ_ref;
	const struct bvdb_names *names;   /* targ's name index, or NULL: scan */
	const char *targ_name;
	const struct bvf_core_relo *r;
	struct bv_insn *insns;
	uint32_t cnt;
	char *err;
	size_t errsz;
	struct cands *cache;
	size_t nr_cache;
	struct bvf_core_outcome *o;  /* of the relocation being applied, or NULL */
	bool patching;               /* in patch(): libbpf's "failed to patch insn" */
	/* Resolutions remembered across calls (core_memo.h), or NULL; and
	 * whether the one just made may join them: its result depends on the
	 * relocation's key alone, not on narrowing left by earlier ones. */
	struct bvf_core_memo *memo;
	bool memo_ok;
};

/* What a memo keeps of a resolution: all but the instruction's patch. */
struct memo_value {
	const struct btf *local_btf;   /* local.btf points into the call's ctx */
	struct calc res;
	struct spec local;           /* for libbpf's rendering of a poisoned one */
	struct bvf_core_outcome o;   /* spec, reason; insn is the caller's */
};

__attribute__((format(printf, 3, 4)))
static int fail(struct ctx *c, int code, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (c->o) {
		c->o->refused = true;
		if (!c->o->libbpf_error[0] && c->patching)
			snprintf(c->o->libbpf_error, sizeof(c->o->libbpf_error),
				 "relo #%u: failed to patch insn #%u: %d", c->r->rec_idx, c->r->insn,
				 code);
		else if (!c->o->libbpf_error[0])
			snprintf(c->o->libbpf_error, sizeof(c->o->libbpf_error),
				 "relo #%u: failed to relocate: %d", c->r->rec_idx, code);
	}
	if (!c->err || !c->errsz)
		return code;
	n = snprintf(c->err, c->errsz, "relo #%u (section '%s', insn %u, %s): ",
		     c->r->rec_idx, c->r->sec_name ? c->r->sec_name : "?", c->r->insn,
		     bvf_core_kind_name(c->r->kind));
	if (n >= 0 && (size_t)n < c->errsz) {
		va_start(ap, fmt);
		vsnprintf(c->err + n, c->errsz - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return code;
}

const char *bvf_core_kind_name(uint32_t kind)
{
	static const char *const names[] = {
		[BVF_CORE_FIELD_BYTE_OFFSET] = "byte_off",
		[BVF_CORE_FIELD_BYTE_SIZE] = "byte_sz",
		[BVF_CORE_FIELD_EXISTS] = "field_exists",
		[BVF_CORE_FIELD_SIGNED] = "signed",
		[BVF_CORE_FIELD_LSHIFT_U64] = "lshift_u64",
		[BVF_CORE_FIELD_RSHIFT_U64] = "rshift_u64",
		[BVF_CORE_TYPE_ID_LOCAL] = "local_type_id",
		[BVF_CORE_TYPE_ID_TARGET] = "target_type_id",
		[BVF_CORE_TYPE_EXISTS] = "type_exists",
		[BVF_CORE_TYPE_SIZE] = "type_size",
		[BVF_CORE_ENUMVAL_EXISTS] = "enumval_exists",
		[BVF_CORE_ENUMVAL_VALUE] = "enumval_value",
		[BVF_CORE_TYPE_MATCHES] = "type_matches",
	};

	return kind < sizeof(names) / sizeof(names[0]) ? names[kind] : "unknown";
}

static bool kind_is_field(uint32_t k)
{
	return k <= BVF_CORE_FIELD_RSHIFT_U64;
}

static bool kind_is_type(uint32_t k)
{
	return k == BVF_CORE_TYPE_ID_LOCAL || k == BVF_CORE_TYPE_ID_TARGET ||
	       k == BVF_CORE_TYPE_EXISTS || k == BVF_CORE_TYPE_SIZE ||
	       k == BVF_CORE_TYPE_MATCHES;
}

static bool kind_is_enumval(uint32_t k)
{
	return k == BVF_CORE_ENUMVAL_EXISTS || k == BVF_CORE_ENUMVAL_VALUE;
}

/* A flavor separator is "___" with a non-underscore on both sides; the
 * essential name ends before the last one. */
size_t bvf_core_essential_len(const char *name)
{
	return bvdb_essential_len(name);   /* the rule the name index groups by */
}

static const char *name_of(const struct bvf_btf_ref *btf, uint32_t off)
{
	const char *s = bref_str(btf, off);

	return s ? s : "";
}

static bool same_essential(const char *a, const char *b)
{
	size_t la = bvf_core_essential_len(a), lb = bvf_core_essential_len(b);

	return la == lb && strncmp(a, b, la) == 0;
}

/* Follows typedefs and modifiers; NULL for a bad id or a cycle. */

static const char *kind_word(const struct btf_type *t)
{
	switch (btf_kind(t)) {
	case BTF_KIND_INT: return "int";
	case BTF_KIND_PTR: return "ptr";
	case BTF_KIND_ARRAY: return "array";
	case BTF_KIND_STRUCT: return "struct";
	case BTF_KIND_UNION: return "union";
	case BTF_KIND_ENUM: return "enum";
	case BTF_KIND_FWD: return "fwd";
	case BTF_KIND_TYPEDEF: return "typedef";
	case BTF_KIND_VOLATILE: return "volatile";
	case BTF_KIND_CONST: return "const";
	case BTF_KIND_RESTRICT: return "restrict";
	case BTF_KIND_FUNC: return "func";
	case BTF_KIND_FUNC_PROTO: return "func_proto";
	case BTF_KIND_VAR: return "var";
	case BTF_KIND_DATASEC: return "datasec";
	case BTF_KIND_FLOAT: return "float";
	case BTF_KIND_DECL_TAG: return "decl_tag";
	case BTF_KIND_TYPE_TAG: return "type_tag";
	case BTF_KIND_ENUM64: return "enum64";
	default: return "void";
	}
}

/* Enumerator i of an enum or enum64 (vlen checked by the caller). */
static uint32_t enumerator_name_off(const struct btf_type *t, uint32_t i)
{
	if (btf_is_enum(t))
		return btf_enum(t)[i].name_off;
	return ((const uint32_t *)(t + 1))[3 * i];   /* struct btf_enum64: name, lo, hi */
}

static uint64_t enumerator_value(const struct btf_type *t, uint32_t i)
{
	if (btf_is_enum(t))
		return (uint64_t)(int64_t)btf_enum(t)[i].val;   /* as libbpf: s32 widened */
	return btf_enum64_value((const struct btf_enum64 *)((const uint32_t *)(t + 1) + 3 * i));
}

/* ---- 1. the access string ---- */

/* "0:1:2" → raw indexes; only decimal digits and ':' separators. */
static int parse_access(const char *s, struct spec *sp)
{
	if (!s || !*s || *s == ':')
		return -EINVAL;
	while (*s) {
		uint64_t v = 0;

		if (*s == ':')
			s++;
		if (*s < '0' || *s > '9')
			return -EINVAL;
		while (*s >= '0' && *s <= '9') {
			v = v * 10 + (uint64_t)(*s - '0');
			if (v > INT32_MAX)
				return -EINVAL;
			s++;
		}
		if (*s && *s != ':')
			return -EINVAL;
		if (sp->raw_len == SPEC_MAX)
			return -E2BIG;
		sp->raw[sp->raw_len++] = (uint32_t)v;
	}
	return sp->raw_len ? 0 : -EINVAL;
}

/* Flexible array: a zero-sized array that is the last member of the
 * struct the previous accessor names. */
static bool is_flex(const struct bvf_btf_ref *btf, const struct accessor *prev, const struct btf_array *a)
{
	const struct btf_type *t;

	if (!prev || !prev->name || a->nelems > 0)
		return false;
	t = bref_type(btf, prev->type_id);
	return t && btf_is_composite(t) && prev->idx + 1 == btf_vlen(t);
}

static int parse_spec(struct ctx *c, struct spec *sp)
{
	const struct bvf_btf_ref *btf = c->local;
	const struct btf_type *t;
	const char *str = bref_str(btf, c->r->access_str_off);
	uint32_t id;
	int64_t sz;
	int err;

	memset(sp, 0, sizeof(*sp));
	sp->btf = btf;
	sp->root_id = c->r->type_id;
	sp->kind = c->r->kind;
	if (!str)
		return fail(c, -EINVAL, "access string offset %u is out of range", c->r->access_str_off);
	if (kind_is_type(sp->kind)) {
		if (strcmp(str, "0") != 0)
			return fail(c, -EINVAL, "type relocation with access string '%s' (expected \"0\")", str);
		return 0;
	}
	err = parse_access(str, sp);
	if (err)
		return fail(c, err, "cannot parse access string '%s'", str);
	t = bref_skip_mods(btf, sp->root_id, &id);
	if (!t)
		return fail(c, -EINVAL, "bad local type id %u", sp->root_id);
	sp->acc[0] = (struct accessor){ .type_id = id, .idx = sp->raw[0] };
	sp->len = 1;
	if (kind_is_enumval(sp->kind)) {
		if (!btf_is_any_enum(t) || sp->raw_len > 1 || sp->raw[0] >= btf_vlen(t))
			return fail(c, -EINVAL, "access string '%s' does not name an enumerator of type [%u]",
				    str, sp->root_id);
		sp->acc[0].name = name_of(btf, enumerator_name_off(t, sp->raw[0]));
		return 0;
	}
	if (!kind_is_field(sp->kind))
		return fail(c, -EOPNOTSUPP, "unrecognized CO-RE relocation kind %u", sp->kind);
	sz = bref_resolve_size(btf, id);
	if (sz < 0)
		return fail(c, -EINVAL, "cannot size local type [%u]", id);
	sp->bit_off = (uint64_t)sp->raw[0] * (uint64_t)sz * 8;
	for (int i = 1; i < sp->raw_len; i++) {
		uint32_t idx = sp->raw[i];

		t = bref_skip_mods(btf, id, &id);
		if (!t)
			return fail(c, -EINVAL, "bad local type id %u in '%s'", id, str);
		if (btf_is_composite(t)) {
			const struct btf_member *m;

			if (idx >= btf_vlen(t))
				return fail(c, -EINVAL, "'%s': member %u of type [%u], which has %u",
					    str, idx, id, btf_vlen(t));
			sp->bit_off += btf_member_bit_offset(t, idx);
			m = btf_members(t) + idx;
			if (m->name_off) {
				const char *name = name_of(btf, m->name_off);

				if (!*name)
					return fail(c, -EINVAL, "'%s': member %u of type [%u] has a bad name",
						    str, idx, id);
				sp->acc[sp->len++] = (struct accessor){ id, idx, name };
			}
			id = m->type;
		} else if (btf_is_array(t)) {
			const struct btf_array *a = btf_array(t);
			bool flex = is_flex(btf, &sp->acc[sp->len - 1], a);

			if (!bref_skip_mods(btf, a->type, &id))
				return fail(c, -EINVAL, "'%s': bad array element type", str);
			if (!flex && idx >= a->nelems)
				return fail(c, -EINVAL, "'%s': index %u past the array's %u elements",
					    str, idx, a->nelems);
			sp->acc[sp->len++] = (struct accessor){ id, idx, NULL };
			sz = bref_resolve_size(btf, id);
			if (sz < 0)
				return fail(c, -EINVAL, "'%s': cannot size array element [%u]", str, id);
			sp->bit_off += (uint64_t)idx * (uint64_t)sz * 8;
		} else {
			return fail(c, -EINVAL, "'%s': element %d reaches type [%u] of kind %s, which has no members",
				    str, i, id, kind_word(t));
		}
	}
	return 0;
}

/* Appends to a bounded string without printf: format_spec runs for every
 * relocation, and snprintf there was a tenth of the CLI's instructions on
 * a CO-RE-heavy object. Truncates silently; buf stays terminated. */
static size_t put_str(char *buf, size_t size, size_t n, const char *s)
{
	while (*s && n + 1 < size)
		buf[n++] = *s++;
	if (n < size)
		buf[n] = '\0';
	return n;
}

static size_t put_u32(char *buf, size_t size, size_t n, uint32_t v)
{
	char digits[11];
	int i = (int)sizeof(digits) - 1;

	digits[i] = '\0';
	do {
		digits[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return put_str(buf, size, n, digits + i);
}

/* "struct task_struct.group_leader.pid", "enum e::V", "struct s". */
static void format_spec(const struct spec *sp, char *buf, size_t size)
{
	const struct btf_type *t = bref_type(sp->btf, sp->root_id);
	const char *name = t ? name_of(sp->btf, t->name_off) : "";
	size_t n = 0;

	if (!size)
		return;
	buf[0] = '\0';
	n = put_str(buf, size, n, t ? kind_word(t) : "?");
	n = put_str(buf, size, n, " ");
	n = put_str(buf, size, n, *name ? name : "<anon>");
	if (kind_is_type(sp->kind))
		return;
	if (kind_is_enumval(sp->kind)) {
		if (sp->len) {
			n = put_str(buf, size, n, "::");
			put_str(buf, size, n, sp->acc[0].name ? sp->acc[0].name : "?");
		}
		return;
	}
	for (int i = 0; i < sp->len; i++) {
		if (sp->acc[i].name) {
			n = put_str(buf, size, n, ".");
			n = put_str(buf, size, n, sp->acc[i].name);
		} else if (i > 0 || sp->acc[i].idx > 0) {
			n = put_str(buf, size, n, "[");
			n = put_u32(buf, size, n, sp->acc[i].idx);
			n = put_str(buf, size, n, "]");
		}
	}
}

/* libbpf's rendering of a spec in its log (the format is what users of
 * libbpf see; reproduced so our notes quote it): "<kind> [id] kind name",
 * then for fields the accessors, the raw indexes and the offset, for
 * enumerators "::NAME = value". */
static void format_libbpf_spec(const struct spec *sp, char *buf, size_t size)
{
	const struct btf_type *t = bref_type(sp->btf, sp->root_id);
	const char *name = t ? name_of(sp->btf, t->name_off) : "";
	size_t n;
	int w;

#define PUT(...)                                                            \
	do {                                                                \
		if (n < size) {                                             \
			w = snprintf(buf + n, size - n, __VA_ARGS__);       \
			n += w > 0 ? (size_t)w : 0;                         \
		}                                                           \
	} while (0)
	n = 0;
	PUT("<%s> [%u] %s %s", bvf_core_kind_name(sp->kind), sp->root_id, t ? kind_word(t) : "void",
	    *name ? name : "<anon>");
	if (kind_is_enumval(sp->kind)) {
		const struct btf_type *e = bref_skip_mods(sp->btf, sp->root_id, NULL);

		if (e && btf_is_any_enum(e) && sp->raw_len && sp->raw[0] < btf_vlen(e)) {
			uint64_t v = enumerator_value(e, sp->raw[0]);
			const char *en = name_of(sp->btf, enumerator_name_off(e, sp->raw[0]));

			if (btf_is_enum(e))
				PUT(btf_kflag(e) ? "::%s = %d" : "::%s = %u", en, (int)(uint32_t)v);
			else if (btf_kflag(e))
				PUT("::%s = %lld", en, (long long)v);
			else
				PUT("::%s = %llu", en, (unsigned long long)v);
		}
	} else if (kind_is_field(sp->kind)) {
		for (int i = 0; i < sp->len; i++) {
			if (sp->acc[i].name)
				PUT(".%s", sp->acc[i].name);
			else if (i > 0 || sp->acc[i].idx > 0)
				PUT("[%u]", sp->acc[i].idx);
		}
		PUT(" (");
		for (int i = 0; i < sp->raw_len; i++)
			PUT("%s%u", i ? ":" : "", sp->raw[i]);
		if (sp->bit_off % 8)
			PUT(" @ offset %llu.%llu)", (unsigned long long)(sp->bit_off / 8),
			    (unsigned long long)(sp->bit_off % 8));
		else
			PUT(" @ offset %llu)", (unsigned long long)(sp->bit_off / 8));
	}
#undef PUT
}

/* ---- 3. matching a spec against a candidate ---- */

/* Field types that may relocate onto each other: any two composites, two
 * pointers, two floats, ints without a bit offset, enums or forward
 * declarations of the same essential name (or anonymous), arrays of
 * compatible elements. */
static int fields_compat(const struct bvf_btf_ref *lb, uint32_t lid, const struct bvf_btf_ref *tb, uint32_t tid)
{
	for (int depth = 0; depth < COMPAT_LEVELS; depth++) {
		const struct btf_type *lt = bref_skip_mods(lb, lid, &lid);
		const struct btf_type *tt = bref_skip_mods(tb, tid, &tid);

		if (!lt || !tt)
			return -EINVAL;
		if (btf_is_composite(lt) && btf_is_composite(tt))
			return 1;
		if (!btf_kind_core_compat(lt, tt))
			return 0;
		switch (btf_kind(lt)) {
		case BTF_KIND_PTR:
		case BTF_KIND_FLOAT:
			return 1;
		case BTF_KIND_FWD:
		case BTF_KIND_ENUM:
		case BTF_KIND_ENUM64: {
			const char *ln = name_of(lb, lt->name_off), *tn = name_of(tb, tt->name_off);

			return !bvf_core_essential_len(ln) || !bvf_core_essential_len(tn) ||
			       same_essential(ln, tn);
		}
		case BTF_KIND_INT:
			return btf_int_offset(lt) == 0 && btf_int_offset(tt) == 0;
		case BTF_KIND_ARRAY:
			lid = btf_array(lt)->type;
			tid = btf_array(tt)->type;
			continue;
		default:
			return 0;
		}
	}
	return -EINVAL;
}

/* Finds the target member named as local accessor `la` in composite
 * `tid`, searching anonymous members recursively; pushes the path onto
 * `ts` (raw indexes, bit offset, one named accessor). 1 found, 0 not,
 * <0 error. */
static int match_member(const struct bvf_btf_ref *lb, const struct accessor *la, const struct bvf_btf_ref *tb,
			uint32_t tid, struct spec *ts, uint32_t *next_tid)
{
	const struct btf_type *lt = bref_type(lb, la->type_id);
	const struct btf_type *tt = bref_skip_mods(tb, tid, &tid);
	const struct btf_member *lm, *m;
	const char *lname;
	uint16_t n;

	if (!tt)
		return -EINVAL;
	if (!btf_is_composite(tt))
		return 0;
	if (!lt || !btf_is_composite(lt) || la->idx >= btf_vlen(lt))
		return -EINVAL;
	lm = btf_members(lt) + la->idx;
	lname = name_of(lb, lm->name_off);
	n = btf_vlen(tt);
	m = btf_members(tt);
	for (uint16_t i = 0; i < n; i++, m++) {
		uint32_t boff = btf_member_bit_offset(tt, i);
		const char *tname = name_of(tb, m->name_off);
		int found;

		if (ts->raw_len == SPEC_MAX)
			return -E2BIG;
		ts->bit_off += boff;
		ts->raw[ts->raw_len++] = i;
		if (!*tname) {
			found = match_member(lb, la, tb, m->type, ts, next_tid);
			if (found)
				return found;
		} else if (strcmp(lname, tname) == 0) {
			if (ts->len == SPEC_MAX)
				return -E2BIG;
			ts->acc[ts->len++] = (struct accessor){ tid, i, tname };
			*next_tid = m->type;
			found = fields_compat(lb, lm->type, tb, m->type);
			if (!found)
				ts->len--;
			return found;
		}
		ts->bit_off -= boff;
		ts->raw_len--;
	}
	return 0;
}

static int types_compat(const struct bvf_btf_ref *lb, uint32_t lid, const struct bvf_btf_ref *tb, uint32_t tid,
			int level)
{
	const struct btf_type *lt = bref_type(lb, lid), *tt = bref_type(tb, tid);

	if (!lt || !tt)
		return -EINVAL;
	if (!btf_kind_core_compat(lt, tt))
		return 0;
	for (int depth = 0; depth < COMPAT_LEVELS; depth++) {
		lt = bref_skip_mods(lb, lid, &lid);
		tt = bref_skip_mods(tb, tid, &tid);
		if (!lt || !tt)
			return -EINVAL;
		if (!btf_kind_core_compat(lt, tt))
			return 0;
		switch (btf_kind(lt)) {
		case BTF_KIND_UNKN:
		case BTF_KIND_STRUCT:
		case BTF_KIND_UNION:
		case BTF_KIND_ENUM:
		case BTF_KIND_ENUM64:
		case BTF_KIND_FWD:
			return 1;
		case BTF_KIND_INT:
			return btf_int_offset(lt) == 0 && btf_int_offset(tt) == 0;
		case BTF_KIND_PTR:
			lid = lt->type;
			tid = tt->type;
			continue;
		case BTF_KIND_ARRAY:
			lid = btf_array(lt)->type;
			tid = btf_array(tt)->type;
			continue;
		case BTF_KIND_FUNC_PROTO: {
			const struct btf_param *lp = btf_params(lt), *tp = btf_params(tt);
			uint16_t n = btf_vlen(lt);

			if (n != btf_vlen(tt))
				return 0;
			for (uint16_t i = 0; i < n; i++) {
				uint32_t a = 0, b = 0;
				int r;

				if (level <= 0)
					return -EINVAL;
				if (!bref_skip_mods(lb, lp[i].type, &a) || !bref_skip_mods(tb, tp[i].type, &b))
					return -EINVAL;
				r = types_compat(lb, a, tb, b, level - 1);
				if (r <= 0)
					return r;
			}
			if (!bref_skip_mods(lb, lt->type, &lid) || !bref_skip_mods(tb, tt->type, &tid))
				return -EINVAL;
			continue;
		}
		default:
			return 0;
		}
	}
	return -EINVAL;
}

int bvf_btf_types_compat(const struct btf *local, uint32_t local_id,
			 const struct btf *targ, uint32_t targ_id)
{
	struct bvf_btf_ref l = { .lib = local }, t = { .lib = targ };

	return types_compat(&l, local_id, &t, targ_id, COMPAT_LEVELS);
}

/* Names equal modulo flavor; an anonymous target matches only an
 * anonymous local. */
static bool names_match(const struct bvf_btf_ref *lb, uint32_t loff, const struct bvf_btf_ref *tb, uint32_t toff)
{
	const char *ln = name_of(lb, loff), *tn = name_of(tb, toff);

	if (!*tn)
		return !*ln;
	return same_essential(ln, tn);
}

static int types_match(const struct bvf_btf_ref *lb, uint32_t lid, const struct bvf_btf_ref *tb, uint32_t tid,
		       bool behind_ptr, int level);

static int enums_match(const struct bvf_btf_ref *lb, const struct btf_type *lt,
		       const struct bvf_btf_ref *tb, const struct btf_type *tt)
{
	uint16_t ln = btf_vlen(lt), tn = btf_vlen(tt);

	if (lt->size != tt->size || ln > tn)
		return 0;
	for (uint16_t i = 0; i < ln; i++) {
		bool found = false;

		for (uint16_t j = 0; j < tn && !found; j++)
			found = names_match(lb, enumerator_name_off(lt, i), tb, enumerator_name_off(tt, j));
		if (!found)
			return 0;
	}
	return 1;
}

static int composites_match(const struct bvf_btf_ref *lb, const struct btf_type *lt,
			    const struct bvf_btf_ref *tb, const struct btf_type *tt,
			    bool behind_ptr, int level)
{
	uint16_t ln = btf_vlen(lt), tn = btf_vlen(tt);
	const struct btf_member *lm = btf_members(lt);

	if (ln > tn)
		return 0;
	for (uint16_t i = 0; i < ln; i++, lm++) {
		const struct btf_member *tm = btf_members(tt);
		bool matched = false;

		for (uint16_t j = 0; j < tn && !matched; j++, tm++) {
			int r;

			if (!names_match(lb, lm->name_off, tb, tm->name_off))
				continue;
			r = types_match(lb, lm->type, tb, tm->type, behind_ptr, level - 1);
			if (r < 0)
				return r;
			matched = r > 0;
		}
		if (!matched)
			return 0;
	}
	return 1;
}

/* bpf_core_type_matches(): same kinds (a struct/union behind a pointer
 * may match a forward declaration of it; enum and enum64 mix), ints of
 * the same size and signedness, arrays of the same length, local members
 * and enumerators present in the target by name, function prototypes
 * argument by argument. Root names are checked by the candidate search. */
static int types_match(const struct bvf_btf_ref *lb, uint32_t lid, const struct bvf_btf_ref *tb, uint32_t tid,
		       bool behind_ptr, int level)
{
	if (level <= 0)
		return -EINVAL;
	for (int depth = 0; depth < COMPAT_LEVELS; depth++) {
		const struct btf_type *lt = bref_skip_mods(lb, lid, &lid);
		const struct btf_type *tt = bref_skip_mods(tb, tid, &tid);
		uint16_t lk, tk;

		if (!lt || !tt)
			return -EINVAL;
		if (!names_match(lb, lt->name_off, tb, tt->name_off))
			return 0;
		lk = btf_kind(lt);
		tk = btf_kind(tt);
		switch (lk) {
		case BTF_KIND_UNKN:
			return lk == tk;
		case BTF_KIND_FWD: {
			bool lf = btf_kflag(lt);

			if (lk == tk)
				return lf == btf_kflag(tt);
			if (!behind_ptr)
				return 0;
			return (tk == BTF_KIND_STRUCT && !lf) || (tk == BTF_KIND_UNION && lf);
		}
		case BTF_KIND_ENUM:
		case BTF_KIND_ENUM64:
			if (!btf_is_any_enum(tt))
				return 0;
			return enums_match(lb, lt, tb, tt);
		case BTF_KIND_STRUCT:
		case BTF_KIND_UNION:
			if (behind_ptr) {
				if (lk == tk)
					return 1;
				if (tk != BTF_KIND_FWD)
					return 0;
				return (lk == BTF_KIND_UNION) == btf_kflag(tt);
			}
			if (lk != tk)
				return 0;
			return composites_match(lb, lt, tb, tt, behind_ptr, level);
		case BTF_KIND_INT:
			if (lk != tk)
				return 0;
			return lt->size == tt->size &&
			       (btf_int_encoding(lt) & BTF_INT_SIGNED) ==
			       (btf_int_encoding(tt) & BTF_INT_SIGNED);
		case BTF_KIND_PTR:
			if (lk != tk)
				return 0;
			behind_ptr = true;
			lid = lt->type;
			tid = tt->type;
			continue;
		case BTF_KIND_ARRAY:
			if (lk != tk || btf_array(lt)->nelems != btf_array(tt)->nelems)
				return 0;
			lid = btf_array(lt)->type;
			tid = btf_array(tt)->type;
			continue;
		case BTF_KIND_FUNC_PROTO: {
			const struct btf_param *lp = btf_params(lt), *tp = btf_params(tt);
			uint16_t n = btf_vlen(lt);

			if (lk != tk || n != btf_vlen(tt))
				return 0;
			for (uint16_t i = 0; i < n; i++) {
				int r = types_match(lb, lp[i].type, tb, tp[i].type, behind_ptr, level - 1);

				if (r <= 0)
					return r;
			}
			lid = lt->type;
			tid = tt->type;
			continue;
		}
		default:
			return 0;
		}
	}
	return -EINVAL;
}

/* Matches local spec `ls` against target type `tid`: 1 with `ts` filled,
 * 0 when the candidate does not fit, <0 on malformed BTF. */
static int spec_match(const struct spec *ls, const struct bvf_btf_ref *tb, uint32_t tid, struct spec *ts)
{
	const struct btf_type *tt;

	memset(ts, 0, sizeof(*ts));
	ts->btf = tb;
	ts->root_id = tid;
	ts->kind = ls->kind;
	if (kind_is_type(ls->kind)) {
		if (ls->kind == BVF_CORE_TYPE_MATCHES)
			return types_match(ls->btf, ls->root_id, tb, tid, false, COMPAT_LEVELS);
		return types_compat(ls->btf, ls->root_id, tb, tid, COMPAT_LEVELS);
	}
	if (kind_is_enumval(ls->kind)) {
		const char *want = ls->acc[0].name;

		tt = bref_skip_mods(tb, tid, &tid);
		if (!tt || !btf_is_any_enum(tt))
			return 0;
		for (uint16_t i = 0; i < btf_vlen(tt); i++) {
			const char *tn = name_of(tb, enumerator_name_off(tt, i));

			if (same_essential(want, tn)) {
				ts->acc[0] = (struct accessor){ tid, i, tn };
				ts->len = 1;
				ts->raw[0] = i;
				ts->raw_len = 1;
				return 1;
			}
		}
		return 0;
	}
	for (int i = 0; i < ls->len; i++) {
		const struct accessor *la = &ls->acc[i];

		tt = bref_skip_mods(tb, tid, &tid);
		if (!tt)
			return -EINVAL;
		if (la->name) {
			int r = match_member(ls->btf, la, tb, tid, ts, &tid);

			if (r <= 0)
				return r;
			continue;
		}
		/* An index: of the root (the pointer's element), or of an array. */
		if (i > 0) {
			const struct btf_array *a;

			if (!btf_is_array(tt))
				return 0;
			a = btf_array(tt);
			if (!is_flex(tb, &ts->acc[ts->len - 1], a) && la->idx >= a->nelems)
				return 0;
			if (!bref_skip_mods(tb, a->type, &tid))
				return -EINVAL;
		}
		if (ts->raw_len == SPEC_MAX || ts->len == SPEC_MAX)
			return -E2BIG;
		ts->acc[ts->len++] = (struct accessor){ tid, la->idx, NULL };
		ts->raw[ts->raw_len++] = la->idx;
		{
			int64_t sz = bref_resolve_size(tb, tid);

			if (sz < 0)
				return -EINVAL;
			ts->bit_off += (uint64_t)la->idx * (uint64_t)sz * 8;
		}
	}
	return 1;
}

/* ---- 4. values ---- */

/* Value of a field relocation for one spec (NULL: no target matched). */
static int calc_field(struct ctx *c, const struct spec *sp, uint64_t *val, uint32_t *field_sz,
		      uint32_t *type_id, bool *validate)
{
	const struct accessor *acc;
	const struct btf_type *t, *mt;
	const struct btf_member *m;
	uint32_t kind = c->r->kind, field_id = 0, bit_sz, byte_sz;
	uint64_t bit_off, byte_off;
	bool bitfield;

	*field_sz = 0;
	if (kind == BVF_CORE_FIELD_EXISTS) {
		*val = sp ? 1 : 0;
		return 0;
	}
	if (!sp)
		return 1;  /* poison */
	acc = &sp->acc[sp->len - 1];
	if (!acc->name) {
		int64_t sz = bref_resolve_size(sp->btf, acc->type_id);

		if (sz < 0)
			return fail(c, -EINVAL, "cannot size type [%u]", acc->type_id);
		if (kind == BVF_CORE_FIELD_BYTE_OFFSET) {
			*val = sp->bit_off / 8;
			*field_sz = (uint32_t)sz;
			*type_id = acc->type_id;
		} else if (kind == BVF_CORE_FIELD_BYTE_SIZE) {
			*val = (uint64_t)sz;
		} else {
			return fail(c, -EINVAL, "cannot be applied to an array element access");
		}
		if (validate)
			*validate = true;
		return 0;
	}
	t = bref_type(sp->btf, acc->type_id);
	if (!t || !btf_is_composite(t) || acc->idx >= btf_vlen(t))
		return fail(c, -EINVAL, "bad field accessor");
	m = btf_members(t) + acc->idx;
	mt = bref_skip_mods(sp->btf, m->type, &field_id);
	if (!mt)
		return fail(c, -EINVAL, "bad field type [%u]", m->type);
	bit_off = sp->bit_off;
	bit_sz = btf_member_bitfield_size(t, acc->idx);
	bitfield = bit_sz > 0;
	if (bitfield) {
		/* The smallest naturally aligned load that covers the bits. */
		byte_sz = mt->size;
		if (byte_sz == 0)
			return fail(c, -EINVAL, "bitfield of a zero-sized type");
		byte_off = bit_off / 8 / byte_sz * byte_sz;
		while (bit_off + bit_sz - byte_off * 8 > (uint64_t)byte_sz * 8) {
			if (byte_sz >= 8)
				return fail(c, -E2BIG, "bitfield cannot be read with one 64-bit load");
			byte_sz *= 2;
			byte_off = bit_off / 8 / byte_sz * byte_sz;
		}
	} else {
		int64_t sz = bref_resolve_size(sp->btf, field_id);

		if (sz < 0)
			return fail(c, -EINVAL, "cannot size field type [%u]", field_id);
		byte_sz = (uint32_t)sz;
		byte_off = bit_off / 8;
		bit_sz = byte_sz * 8;
	}
	/* Bitfield placement may legitimately differ from the compiler's
	 * guess; only signedness and the right shift are exact. */
	if (validate)
		*validate = !bitfield;
	switch (kind) {
	case BVF_CORE_FIELD_BYTE_OFFSET:
		*val = byte_off;
		if (!bitfield) {
			*field_sz = byte_sz;
			*type_id = field_id;
		}
		break;
	case BVF_CORE_FIELD_BYTE_SIZE:
		*val = byte_sz;
		break;
	case BVF_CORE_FIELD_SIGNED:
		*val = (btf_is_any_enum(mt) && btf_kflag(mt)) ||
		       (btf_is_int(mt) && (btf_int_encoding(mt) & BTF_INT_SIGNED));
		if (validate)
			*validate = true;
		break;
	case BVF_CORE_FIELD_LSHIFT_U64:
		/* Little-endian: the field's top bit moved to bit 63. */
		*val = 64 - (bit_off + bit_sz - byte_off * 8);
		break;
	case BVF_CORE_FIELD_RSHIFT_U64:
		*val = 64 - bit_sz;
		if (validate)
			*validate = true;
		break;
	default:
		return fail(c, -EOPNOTSUPP, "unrecognized CO-RE relocation kind %u", kind);
	}
	return 0;
}

static int calc_type(struct ctx *c, const struct spec *sp, uint64_t *val, bool *validate)
{
	int64_t sz;

	if (validate)
		*validate = true;
	if (!sp) {
		*val = 0;   /* type relocations read 0 when the type is missing */
		return 0;
	}
	switch (c->r->kind) {
	case BVF_CORE_TYPE_ID_TARGET:
		*val = sp->root_id;
		if (validate)
			*validate = false;   /* ids change when objects are linked */
		return 0;
	case BVF_CORE_TYPE_EXISTS:
	case BVF_CORE_TYPE_MATCHES:
		*val = 1;
		return 0;
	case BVF_CORE_TYPE_SIZE:
		sz = bref_resolve_size(sp->btf, sp->root_id);
		if (sz < 0)
			return fail(c, -EINVAL, "cannot size type [%u]", sp->root_id);
		*val = (uint64_t)sz;
		return 0;
	default:
		return fail(c, -EOPNOTSUPP, "unrecognized CO-RE relocation kind %u", c->r->kind);
	}
}

static int calc_enumval(struct ctx *c, const struct spec *sp, uint64_t *val)
{
	const struct btf_type *t;

	if (c->r->kind == BVF_CORE_ENUMVAL_EXISTS) {
		*val = sp ? 1 : 0;
		return 0;
	}
	if (!sp)
		return 1;  /* poison */
	t = bref_type(sp->btf, sp->acc[0].type_id);
	if (!t || !btf_is_any_enum(t) || sp->acc[0].idx >= btf_vlen(t))
		return fail(c, -EINVAL, "bad enumerator accessor");
	*val = enumerator_value(t, sp->acc[0].idx);
	return 0;
}

/* Local and target values; targ NULL when no candidate matched. */
static int calc(struct ctx *c, const struct spec *local, const struct spec *targ, struct calc *res)
{
	uint32_t kind = c->r->kind;
	int err;

	memset(res, 0, sizeof(*res));
	res->validate = true;
	if (kind_is_field(kind)) {
		err = calc_field(c, local, &res->orig_val, &res->orig_sz, &res->orig_type, &res->validate);
		if (!err)
			err = calc_field(c, targ, &res->new_val, &res->new_sz, &res->new_type, NULL);
		if (err)
			goto out;
		if (res->orig_sz != res->new_sz) {
			/* Changing a load's size keeps the value only for
			 * pointers (a 32-bit kernel's) and unsigned integers,
			 * thanks to zero extension. */
			const struct btf_type *ot = bref_type(local->btf, res->orig_type);
			const struct btf_type *nt = bref_type(targ->btf, res->new_type);

			if (ot && nt && btf_is_ptr(ot) && btf_is_ptr(nt))
				goto out;
			if (ot && nt && btf_is_int(ot) && btf_is_int(nt) &&
			    btf_int_encoding(ot) != BTF_INT_SIGNED &&
			    btf_int_encoding(nt) != BTF_INT_SIGNED)
				goto out;
			res->fail_memsz = true;
		}
	} else if (kind_is_type(kind)) {
		err = calc_type(c, local, &res->orig_val, &res->validate);
		if (!err)
			err = calc_type(c, targ, &res->new_val, NULL);
	} else if (kind_is_enumval(kind)) {
		err = calc_enumval(c, local, &res->orig_val);
		if (!err)
			err = calc_enumval(c, targ, &res->new_val);
	} else {
		err = fail(c, -EOPNOTSUPP, "unrecognized CO-RE relocation kind %u", kind);
	}
out:
	if (err == 1) {
		res->poison = true;
		err = 0;
	}
	return err;
}

/* ---- 2. candidates ---- */

/* Target types of a kind compatible with lt whose essential name is
 * lname's, ids ascending: looked up in the name index when there is one
 * (every type of an index group has that essential name), else found by
 * scanning every type. Cached per local root type for the call. */
static struct cands *find_cands(struct ctx *c, uint32_t local_id, const struct btf_type *lt,
				const char *lname)
{
	size_t ess = bvf_core_essential_len(lname), cap = 0, nr_ids = 0;
	uint32_t n = bref_type_cnt(c->targ);
	const uint32_t *ids = NULL;
	struct cands *grown, *cs;

	for (size_t i = 0; i < c->nr_cache; i++)
		if (c->cache[i].local_id == local_id)
			return &c->cache[i];
	grown = realloc(c->cache, (c->nr_cache + 1) * sizeof(*grown));
	if (!grown)
		return NULL;
	c->cache = grown;
	cs = &c->cache[c->nr_cache];
	*cs = (struct cands){ .local_id = local_id };
	bool indexed = c->names && bvdb_names__kind_indexed(btf_kind(lt));

	if (indexed)
		nr_ids = bvdb_names__find(c->names, lname, ess, &ids);
	for (size_t k = indexed ? 0 : 1, total = indexed ? nr_ids : n; k < total; k++) {
		uint32_t id = indexed ? ids[k] : (uint32_t)k;
		const struct btf_type *t = bref_type(c->targ, id);
		const char *tn;

		if (!t || !btf_kind_core_compat(t, lt))
			continue;
		tn = name_of(c->targ, t->name_off);
		if (!*tn || bvf_core_essential_len(tn) != ess || strncmp(tn, lname, ess) != 0)
			continue;
		if (cs->len == cap) {
			uint32_t *grown_ids;

			cap = cap ? cap * 2 : 4;
			grown_ids = realloc(cs->ids, cap * sizeof(*grown_ids));
			if (!grown_ids) {
				free(cs->ids);
				return NULL;
			}
			cs->ids = grown_ids;
		}
		cs->ids[cs->len++] = id;
	}
	cs->initial_len = cs->len;
	c->nr_cache++;
	return cs;
}

/* ---- the driver ---- */

static void note_poison(struct ctx *c, struct bvf_core_outcome *o, const char *what)
{
	if (o)
		snprintf(o->reason, sizeof(o->reason), "%s in %s BTF", what,
			 c->targ_name ? c->targ_name : "the target");
}

static int resolve(struct ctx *c, struct calc *res, struct spec specs[3], struct bvf_core_outcome *o)
{
	struct spec *local = &specs[0], *cand = &specs[1], *targ = &specs[2];
	const struct bvf_core_relo *r = c->r;
	const struct btf_type *lt = bref_type(c->local, r->type_id);
	const char *lname;
	struct cands *cs;
	size_t matched = 0;
	int err;

	if (!lt)
		return fail(c, -EINVAL, "bad local type id %u", r->type_id);
	lname = name_of(c->local, lt->name_off);
	err = parse_spec(c, local);
	if (err) {
		if (o) {   /* libbpf's words */
			const char *acc = bref_str(c->local, r->access_str_off);

			snprintf(o->libbpf_error, sizeof(o->libbpf_error),
				 "relo #%u: parsing [%u] %s %s + %s failed: %d", r->rec_idx,
				 r->type_id, kind_word(lt), *lname ? lname : "<anon>",
				 acc ? acc : "<?>", err);
		}
		return err;
	}
	if (o)   /* libbpf's rendering only for a poisoned relocation: the driver */
		format_spec(local, o->spec, sizeof(o->spec));
	if (r->kind == BVF_CORE_TYPE_ID_LOCAL) {
		memset(res, 0, sizeof(*res));
		res->orig_val = res->new_val = local->root_id;
		c->memo_ok = true;
		return 0;
	}
	if (!*lname)
		return fail(c, -EOPNOTSUPP, "relocation against an anonymous type [%u] is not supported",
			    r->type_id);
	cs = find_cands(c, r->type_id, lt, lname);
	if (!cs)
		return fail(c, -ENOMEM, "out of memory");
	/* With at most one candidate there is nothing to narrow: the result is
	 * the same whatever was resolved before. */
	c->memo_ok = cs->initial_len <= 1;
	for (size_t i = 0; i < cs->len; i++) {
		struct calc cr;

		err = spec_match(local, c->targ, cs->ids[i], cand);
		if (err < 0)
			return fail(c, err, "error matching candidate [%u] of the target BTF", cs->ids[i]);
		if (err == 0)
			continue;
		err = calc(c, local, cand, &cr);
		if (err)
			return err;
		if (matched == 0) {
			*res = cr;
			*targ = *cand;
		} else if (cand->bit_off != targ->bit_off) {
			if (o)   /* libbpf's words: this candidate's offset first */
				snprintf(o->libbpf_error, sizeof(o->libbpf_error),
					 "relo #%u: field offset ambiguity: %u != %u", r->rec_idx,
					 (unsigned)cand->bit_off, (unsigned)targ->bit_off);
			return fail(c, -EINVAL, "field offset ambiguity: candidates [%u] and [%u] place it at bit %llu and %llu",
				    targ->root_id, cand->root_id, (unsigned long long)targ->bit_off,
				    (unsigned long long)cand->bit_off);
		} else if (cr.poison != res->poison || cr.new_val != res->new_val) {
			if (o)
				snprintf(o->libbpf_error, sizeof(o->libbpf_error),
					 "relo #%u: relocation decision ambiguity: %s %llu != %s %llu",
					 r->rec_idx, cr.poison ? "failure" : "success",
					 (unsigned long long)cr.new_val,
					 res->poison ? "failure" : "success",
					 (unsigned long long)res->new_val);
			return fail(c, -EINVAL, "relocation decision ambiguity: candidates [%u] and [%u] give %s %llu and %s %llu",
				    targ->root_id, cand->root_id,
				    res->poison ? "failure" : "success", (unsigned long long)res->new_val,
				    cr.poison ? "failure" : "success", (unsigned long long)cr.new_val);
		}
		cs->ids[matched++] = cs->ids[i];
	}
	if (matched) {
		cs->len = matched;   /* later relocations of this type see only these */
		if (res->poison)
			note_poison(c, o, "cannot be relocated");
		return 0;
	}
	err = calc(c, local, NULL, res);
	if (err || !res->poison)
		return err;
	if (cs->len == 0) {
		char what[96];

		snprintf(what, sizeof(what), "is not found: there is no %s named '%.*s'",
			 kind_word(lt), (int)bvf_core_essential_len(lname), lname);
		note_poison(c, o, what);
	} else {
		note_poison(c, o, kind_is_enumval(r->kind) ? "is not found: no such enumerator"
							  : "is not found");
	}
	return 0;
}

static void poison(struct bv_insn *insn)
{
	insn->code = BV_JMP | BV_CALL;
	insn->dst_reg = 0;
	insn->src_reg = 0;
	insn->off = 0;
	insn->imm = BVF_CORE_POISON_HELPER;
}

static int size_bytes(uint8_t code)
{
	switch (BV_SIZE(code)) {
	case BV_DW: return 8;
	case BV_W: return 4;
	case BV_H: return 2;
	default: return 1;
	}
}

static int bytes_size(uint32_t sz)
{
	switch (sz) {
	case 8: return BV_DW;
	case 4: return BV_W;
	case 2: return BV_H;
	case 1: return BV_B;
	default: return -1;
	}
}

static int patch(struct ctx *c, const struct calc *res, struct bvf_core_outcome *o)
{
	struct bv_insn *insn = &c->insns[c->r->insn];
	bool two = insn->code == LD_IMM64;

	if (two && c->r->insn + 1 >= c->cnt)
		return fail(c, -EINVAL, "ld_imm64 at the end of the program");
	if (res->poison) {
poison:
		if (two)
			poison(insn + 1);
		poison(insn);
		if (o)
			o->poisoned = true;
		return 0;
	}
	switch (BV_CLASS(insn->code)) {
	case BV_ALU:
	case BV_ALU64:
		if (BV_SRC(insn->code) != BV_K)
			return fail(c, -EINVAL, "ALU instruction with a register operand cannot be relocated");
		if (res->validate && (uint64_t)(int64_t)insn->imm != res->orig_val)
			return fail(c, -EINVAL, "unexpected ALU immediate %d, expected %llu",
				    insn->imm, (unsigned long long)res->orig_val);
		insn->imm = (int32_t)(uint32_t)res->new_val;
		return 0;
	case BV_LDX:
	case BV_ST:
	case BV_STX:
		if (res->validate && (uint64_t)(int64_t)insn->off != res->orig_val)
			return fail(c, -EINVAL, "unexpected load/store offset %d, expected %llu",
				    insn->off, (unsigned long long)res->orig_val);
		if (res->new_val > S16_MAX)
			return fail(c, -ERANGE, "offset %llu does not fit a load/store",
				    (unsigned long long)res->new_val);
		if (res->fail_memsz) {
			if (o)
				snprintf(o->reason, sizeof(o->reason),
					 "is %u bytes in %s BTF, %u here, and is neither a pointer nor an unsigned integer: the load/store size cannot be adjusted",
					 res->new_sz, c->targ_name ? c->targ_name : "the target",
					 res->orig_sz);
			goto poison;
		}
		insn->off = (int16_t)res->new_val;
		if (res->new_sz != res->orig_sz) {
			int code;

			if ((uint32_t)size_bytes(insn->code) != res->orig_sz)
				return fail(c, -EINVAL, "load/store of %d bytes, expected %u",
					    size_bytes(insn->code), res->orig_sz);
			code = bytes_size(res->new_sz);
			if (code < 0)
				return fail(c, -EINVAL, "no load/store of %u bytes", res->new_sz);
			insn->code = (uint8_t)(BV_MODE(insn->code) | code | BV_CLASS(insn->code));
		}
		return 0;
	case BV_LD: {
		uint64_t imm;

		if (!two || insn[0].src_reg || insn[0].off || insn[1].code || insn[1].dst_reg ||
		    insn[1].src_reg || insn[1].off)
			return fail(c, -EINVAL, "ld_imm64 has an unexpected form");
		imm = (uint32_t)insn[0].imm | ((uint64_t)(uint32_t)insn[1].imm << 32);
		if (res->validate && imm != res->orig_val)
			return fail(c, -EINVAL, "unexpected ld_imm64 value %llu, expected %llu",
				    (unsigned long long)imm, (unsigned long long)res->orig_val);
		insn[0].imm = (int32_t)(uint32_t)res->new_val;
		insn[1].imm = (int32_t)(uint32_t)(res->new_val >> 32);
		return 0;
	}
	default:
		return fail(c, -EINVAL, "instruction code 0x%02x cannot be relocated", insn->code);
	}
}

/* resolve(), or what an earlier call resolved for the same key. */
/* specs is allocated on first need (~4 KiB, zeroed): a relocation the
 * memo answers needs it only when poisoned (libbpf's rendering). */
static struct spec *need_specs(struct ctx *c, struct spec **specs)
{
	if (!*specs) {
		*specs = calloc(3, sizeof(**specs));   /* ~1.3 KiB each: off the stack */
		if (!*specs)
			fail(c, -ENOMEM, "out of memory");
	}
	return *specs;
}

static int resolve_memo(struct ctx *c, struct calc *res, struct spec **specsp,
			struct bvf_core_outcome *o, const struct memo_value **hit)
{
	const struct bvf_core_relo *r = c->r;
	const struct memo_value *mv = NULL;
	struct memo_value *keep;
	struct spec *specs;
	int ret;

	if (c->memo && o)
		mv = bvf_core_memo_get(c->memo, r->type_id, r->access_str_off, r->kind);
	if (mv && mv->local_btf != c->local->lib)   /* another object's: not ours to use */
		mv = NULL;
	*hit = NULL;
	if (mv) {
		/* the local spec (mv->local) is the caller's to copy when
		 * the relocation ends up poisoned */
		*hit = mv;
		*res = mv->res;
		bvf_core_outcome_copy(o, &mv->o);
		o->insn = r->insn;
		return 0;
	}
	if (!(specs = need_specs(c, specsp)))
		return -ENOMEM;
	c->memo_ok = false;
	ret = resolve(c, res, specs, o);
	if (ret || !c->memo || !o || !c->memo_ok)
		return ret;
	keep = malloc(sizeof(*keep));   /* ~2.5 KiB: off the stack */
	if (keep) {   /* a memo that cannot grow only costs time */
		keep->local_btf = c->local->lib;
		keep->res = *res;
		keep->local = specs[0];
		keep->o = *o;
		bvf_core_memo_put(c->memo, r->type_id, r->access_str_off, r->kind, keep,
				  sizeof(*keep));
		free(keep);
	}
	return 0;
}

static int relocate(const struct btf *local, const struct bvf_btf_ref *targ_ref,
		    const void *targ_key, const struct bvdb_names *names,
		    struct bvf_core_memo *memo, const char *targ_name,
		    const struct bvf_core_relo *relos, size_t n, struct bv_insn *insns,
		    uint32_t cnt, struct bvf_core_outcome *out, char *err, size_t errsz);

int bvf_core_relocate(const struct btf *local, const struct btf *targ, const char *targ_name,
		      const struct bvf_core_relo *relos, size_t n,
		      struct bv_insn *insns, uint32_t cnt,
		      struct bvf_core_outcome *out, char *err, size_t errsz)
{
	return bvf_core_relocate_indexed(local, targ, NULL, targ_name, relos, n, insns, cnt,
					 out, err, errsz);
}

int bvf_core_relocate_indexed(const struct btf *local, const struct btf *targ,
			      const struct bvdb_names *names, const char *targ_name,
			      const struct bvf_core_relo *relos, size_t n,
			      struct bv_insn *insns, uint32_t cnt,
			      struct bvf_core_outcome *out, char *err, size_t errsz)
{
	return bvf_core_relocate_memo(local, targ, names, NULL, targ_name, relos, n, insns, cnt,
				      out, err, errsz);
}

int bvf_core_relocate_memo(const struct btf *local, const struct btf *targ,
			   const struct bvdb_names *names, struct bvf_core_memo *memo,
			   const char *targ_name, const struct bvf_core_relo *relos, size_t n,
			   struct bv_insn *insns, uint32_t cnt,
			   struct bvf_core_outcome *out, char *err, size_t errsz)
{
	struct bvf_btf_ref t = { .lib = targ };

	return relocate(local, targ ? &t : NULL, targ, names, memo, targ_name, relos, n, insns,
			cnt, out, err, errsz);
}

int bvf_core_relocate_view(const struct btf *local, const struct bvdb_btf *targ,
			   const struct bvdb_names *names, struct bvf_core_memo *memo,
			   const char *targ_name, const struct bvf_core_relo *relos, size_t n,
			   struct bv_insn *insns, uint32_t cnt,
			   struct bvf_core_outcome *out, char *err, size_t errsz)
{
	struct bvf_btf_ref t = { .view = targ };

	return relocate(local, targ ? &t : NULL, targ, names, memo, targ_name, relos, n, insns,
			cnt, out, err, errsz);
}

/* The driver: targ_ref is libbpf's or a view; targ_key names it for the memo. */
static int relocate(const struct btf *local, const struct bvf_btf_ref *targ_ref,
		    const void *targ_key, const struct bvdb_names *names,
		    struct bvf_core_memo *memo, const char *targ_name,
		    const struct bvf_core_relo *relos, size_t n, struct bv_insn *insns,
		    uint32_t cnt, struct bvf_core_outcome *out, char *err, size_t errsz)
{
	struct ctx c = { .local_ref = { .lib = local }, .names = names, .targ_name = targ_name,
			 .memo = memo && bvf_core_memo_target(memo) == targ_key ? memo : NULL,
			 .insns = insns,
			 .cnt = cnt, .err = err, .errsz = errsz };
	struct spec *specs = NULL;
	int ret = 0;

	if (err && errsz)
		err[0] = '\0';
	if (!n)
		return 0;
	c.local = &c.local_ref;
	if (targ_ref)
		c.targ_ref = *targ_ref;
	c.targ = &c.targ_ref;
	if (!local || !targ_ref || !relos || !insns) {
		if (err && errsz)
			snprintf(err, errsz, "CO-RE relocation without %s",
				 !local ? "local BTF" : !targ_ref ? "target BTF" : "instructions");
		return -EINVAL;
	}
	for (size_t i = 0; i < n && !ret; i++) {
		struct bvf_core_outcome *o = out ? &out[i] : NULL;
		const struct memo_value *hit = NULL;
		struct calc res;

		c.r = &relos[i];
		c.o = o;
		c.patching = false;
		if (o) {
			bvf_core_outcome_clear(o);
			o->insn = c.r->insn;
			o->kind = c.r->kind;
		}
		if (c.r->insn >= cnt) {
			ret = fail(&c, -EINVAL, "instruction %u is outside the program (%u instructions)",
				   c.r->insn, cnt);
			break;
		}
		if (c.r->kind > BVF_CORE_TYPE_MATCHES) {
			ret = fail(&c, -EOPNOTSUPP, "unrecognized CO-RE relocation kind %u", c.r->kind);
			break;
		}
		ret = resolve_memo(&c, &res, &specs, o, &hit);
		c.patching = true;
		if (!ret)
			ret = patch(&c, &res, o);
		if (!ret && o) {
			o->orig_val = res.orig_val;
			o->new_val = res.new_val;
			/* Only a poisoned relocation is ever quoted in libbpf's words
			 * (specs[0] is its parsed local spec). */
			if (o->poisoned && hit && need_specs(&c, &specs)) {
				specs[0] = hit->local;
				specs[0].btf = c.local;
			}
			if (o->poisoned && specs)
				format_libbpf_spec(&specs[0], o->libbpf_spec, sizeof(o->libbpf_spec));
		}
	}
	for (size_t i = 0; i < c.nr_cache; i++)
		free(c.cache[i].ids);
	free(c.cache);
	free(specs);
	return ret;
}
