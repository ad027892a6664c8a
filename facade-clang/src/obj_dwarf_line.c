/* obj_dwarf_line.c — source lines from DWARF when .BTF.ext has none.
 *
 * bpf-gcc -g -gbtf (Debian's gcc-bpf 12) writes .BTF.ext without line_info,
 * but a DWARF line table (.debug_line, versions 2 to 5). Its rows become
 * the same obj_line_rec records line_info gives (section, instruction,
 * file, line, column), so everything after (linking, source locations)
 * works unchanged. Every row counts, is_stmt or not: the row covering an
 * instruction is its most precise place. A relocatable object's line table addresses are offsets
 * into the code section named by the relocation of each DW_LNE_set_address
 * (.rel.debug_line, R_BPF_64_ABS64 against that section's symbol); BPF
 * relocations are REL, so the offset is the value in place.
 *
 * Best effort: a table it cannot read adds no records (diagnostics then
 * have no line, as before), never an error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <elf.h>

#include "obj_internal.h"

#define DW_LNS_copy               1
#define DW_LNS_advance_pc         2
#define DW_LNS_advance_line       3
#define DW_LNS_set_file           4
#define DW_LNS_set_column         5
#define DW_LNS_negate_stmt        6
#define DW_LNS_const_add_pc       8
#define DW_LNS_fixed_advance_pc   9
#define DW_LNE_end_sequence       1
#define DW_LNE_set_address        2
#define DW_LNCT_path              1
#define DW_LNCT_directory_index   2
#define DW_FORM_block             0x09
#define DW_FORM_data1             0x0b
#define DW_FORM_data2             0x05
#define DW_FORM_data4             0x06
#define DW_FORM_data8             0x07
#define DW_FORM_data16            0x1e
#define DW_FORM_string            0x08
#define DW_FORM_strp              0x0e
#define DW_FORM_udata             0x0f
#define DW_FORM_line_strp         0x1f

#define R_BPF_DATA_64_GNU         12

/* A bounds-checked reader; any overrun sets `bad` and reads zeros. */
struct rd {
	const uint8_t *p, *end;
	bool bad;
};

static uint64_t rd_n(struct rd *r, unsigned n)
{
	uint64_t v = 0;

	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		return 0;
	}
	for (unsigned i = 0; i < n; i++)
		v |= (uint64_t)r->p[i] << (8 * i);   /* BPF objects here are little-endian */
	r->p += n;
	return v;
}

static uint64_t rd_uleb(struct rd *r)
{
	uint64_t v = 0;
	unsigned shift = 0;

	for (;;) {
		uint8_t b = (uint8_t)rd_n(r, 1);

		if (r->bad)
			return 0;
		if (shift < 64)
			v |= (uint64_t)(b & 0x7f) << shift;
		shift += 7;
		if (!(b & 0x80))
			return v;
	}
}

static int64_t rd_sleb(struct rd *r)
{
	int64_t v = 0;
	unsigned shift = 0;
	uint8_t b;

	do {
		b = (uint8_t)rd_n(r, 1);
		if (r->bad)
			return 0;
		if (shift < 64)
			v |= (int64_t)(b & 0x7f) << shift;
		shift += 7;
	} while (b & 0x80);
	if (shift < 64 && (b & 0x40))
		v |= -((int64_t)1 << shift);
	return v;
}

static const char *rd_str(struct rd *r)
{
	const char *s = (const char *)r->p;
	const uint8_t *nul = r->bad ? NULL : memchr(r->p, 0, (size_t)(r->end - r->p));

	if (!nul) {
		r->bad = true;
		return "";
	}
	r->p = nul + 1;
	return s;
}

struct dw_ctx {
	struct bvf_object *obj;
	const struct obj_sec *line_str, *str;
	const uint8_t *rel;          /* .rel.debug_line entries (Elf64_Rel) */
	size_t nr_rel;
	const uint8_t *line_base;    /* .debug_line data */
	char **files;                /* current unit's file names (owned by obj) */
	size_t nr_files;
	struct obj_line_rec *recs;
	size_t nr_recs, cap_recs;
};

static const char *sec_str(const struct obj_sec *s, uint64_t off)
{
	if (!s || !s->data || off >= s->size || !memchr(s->data + off, 0, s->size - off))
		return "";
	return (const char *)s->data + off;
}

/* Section index the relocation at .debug_line offset `off` points into,
 * plus the symbol's value in *base; -1 when there is none. */
static int reloc_section(const struct dw_ctx *c, uint64_t off, uint64_t *base)
{
	for (size_t i = 0; i < c->nr_rel; i++) {
		const uint8_t *e = c->rel + 16 * i;
		uint64_t r_off, info;
		uint32_t sym;

		memcpy(&r_off, e, 8);
		memcpy(&info, e + 8, 8);
		/* LLVM's R_BPF_64_ABS64; binutils (bpf-gcc 12) numbers it 12 */
		if (r_off != off ||
		    ((uint32_t)info != OBJ_R_BPF_64_ABS64 && (uint32_t)info != R_BPF_DATA_64_GNU))
			continue;
		sym = (uint32_t)(info >> 32);
		if (sym >= c->obj->nr_syms || c->obj->syms[sym].shndx >= c->obj->nr_secs)
			return -1;
		*base = c->obj->syms[sym].value;
		return (int)c->obj->syms[sym].shndx;
	}
	return -1;
}

static void free_files(struct dw_ctx *c)
{
	free(c->files);
	c->files = NULL;
	c->nr_files = 0;
}

/* The records point at the names: the object keeps them until it closes. */
static int add_file(struct dw_ctx *c, const char *dir, const char *name)
{
	char **nf = realloc(c->files, (c->nr_files + 1) * sizeof(*nf));
	char **owned = realloc(c->obj->dwarf_files,
			       (c->obj->nr_dwarf_files + 1) * sizeof(*owned));
	char *s;

	if (nf)
		c->files = nf;
	if (owned)
		c->obj->dwarf_files = owned;
	if (!nf || !owned)
		return -ENOMEM;
	if (name[0] == '/' || !dir || !dir[0]) {
		s = strdup(name);
	} else {
		s = malloc(strlen(dir) + strlen(name) + 2);
		if (s)
			sprintf(s, "%s/%s", dir, name);
	}
	if (!s)
		return -ENOMEM;
	c->obj->dwarf_files[c->obj->nr_dwarf_files++] = s;
	c->files[c->nr_files++] = s;
	return 0;
}

/* One attribute value of a v5 directory/file entry: a string or a number. */
static const char *rd_form(struct dw_ctx *c, struct rd *r, uint64_t form, bool offset64,
			   uint64_t *num)
{
	*num = 0;
	switch (form) {
	case DW_FORM_string:
		return rd_str(r);
	case DW_FORM_line_strp:
		return sec_str(c->line_str, rd_n(r, offset64 ? 8 : 4));
	case DW_FORM_strp:
		return sec_str(c->str, rd_n(r, offset64 ? 8 : 4));
	case DW_FORM_udata:
		*num = rd_uleb(r);
		return NULL;
	case DW_FORM_data1:
		*num = rd_n(r, 1);
		return NULL;
	case DW_FORM_data2:
		*num = rd_n(r, 2);
		return NULL;
	case DW_FORM_data4:
		*num = rd_n(r, 4);
		return NULL;
	case DW_FORM_data8:
		*num = rd_n(r, 8);
		return NULL;
	case DW_FORM_data16:
		rd_n(r, 8);
		rd_n(r, 8);
		return NULL;
	case DW_FORM_block: {
		uint64_t n = rd_uleb(r);

		if (n > (uint64_t)(r->end - r->p))
			r->bad = true;
		else
			r->p += n;
		return NULL;
	}
	default:
		r->bad = true;   /* a form a line table header does not use here */
		return NULL;
	}
}

/* v5 directory or file entries; files resolve their directory index
 * against `dirs`. */
static int read_entries_v5(struct dw_ctx *c, struct rd *r, bool offset64, char ***dirs,
			   size_t *nr_dirs, bool are_files)
{
	uint64_t fmt[16][2], count;
	unsigned nfmt = (unsigned)rd_n(r, 1);

	if (nfmt > 16)
		return -EINVAL;
	for (unsigned i = 0; i < nfmt; i++) {
		fmt[i][0] = rd_uleb(r);
		fmt[i][1] = rd_uleb(r);
	}
	count = rd_uleb(r);
	for (uint64_t k = 0; k < count && !r->bad; k++) {
		const char *path = "";
		uint64_t dir = 0, num;

		for (unsigned i = 0; i < nfmt; i++) {
			const char *s = rd_form(c, r, fmt[i][1], offset64, &num);

			if (fmt[i][0] == DW_LNCT_path && s)
				path = s;
			else if (fmt[i][0] == DW_LNCT_directory_index)
				dir = num;
		}
		if (are_files) {
			if (add_file(c, dir < *nr_dirs ? (*dirs)[dir] : NULL, path))
				return -ENOMEM;
		} else {
			char **nd = realloc(*dirs, (*nr_dirs + 1) * sizeof(*nd));

			if (!nd)
				return -ENOMEM;
			*dirs = nd;
			(*dirs)[(*nr_dirs)++] = (char *)path;   /* points into the image */
		}
	}
	return r->bad ? -EINVAL : 0;
}

static int emit(struct dw_ctx *c, int sec, uint64_t addr, uint64_t file, uint64_t line,
		uint64_t col, uint16_t version, bool *same_as_last)
{
	const struct obj_sec *s;
	struct obj_line_rec *r;
	uint64_t fi = version >= 5 ? file : file - 1;   /* v5 files count from 0 */

	if (sec < 0 || (size_t)sec >= c->obj->nr_secs || addr % sizeof(struct bv_insn) ||
	    fi >= c->nr_files || line == 0)
		return 0;
	s = &c->obj->secs[sec];
	if ((s->kind != OBJ_SEC_PROG && s->kind != OBJ_SEC_TEXT) || addr >= s->size)
		return 0;
	/* several rows at one instruction: the last one describes it */
	if (*same_as_last && c->nr_recs && c->recs[c->nr_recs - 1].sec == (uint32_t)sec &&
	    c->recs[c->nr_recs - 1].insn == addr / sizeof(struct bv_insn)) {
		r = &c->recs[c->nr_recs - 1];
	} else {
		if (c->nr_recs == c->cap_recs) {
			size_t cap = c->cap_recs ? 2 * c->cap_recs : 64;
			struct obj_line_rec *nr = realloc(c->recs, cap * sizeof(*nr));

			if (!nr)
				return -ENOMEM;
			c->recs = nr;
			c->cap_recs = cap;
		}
		r = &c->recs[c->nr_recs++];
	}
	memset(r, 0, sizeof(*r));
	r->sec = (uint32_t)sec;
	r->insn = (uint32_t)(addr / sizeof(struct bv_insn));
	r->file = c->files[fi];
	r->line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line;
	r->col = col > 0x3ff ? 0 : (uint32_t)col;   /* as line_info's 10 bits */
	*same_as_last = true;
	return 0;
}

/* One unit's line program. Returns 0 (records added), -EINVAL (stop
 * reading: the table is not understood) or -ENOMEM. */
static int read_unit(struct dw_ctx *c, struct rd *r)
{
	uint64_t unit_len = rd_n(r, 4), hdr_len;
	bool offset64 = false;
	const uint8_t *unit_end, *prog;
	uint16_t version;
	uint8_t min_len, opcode_base, line_range;
	int8_t line_base;
	uint8_t std_len[256] = { 0 };
	char **dirs = NULL;
	size_t nr_dirs = 0;
	int err = 0;

	if (unit_len == 0xffffffff) {
		offset64 = true;
		unit_len = rd_n(r, 8);
	}
	if (r->bad || unit_len > (uint64_t)(r->end - r->p))
		return -EINVAL;
	unit_end = r->p + unit_len;
	version = (uint16_t)rd_n(r, 2);
	if (version < 2 || version > 5)
		return -EINVAL;
	if (version >= 5) {
		if (rd_n(r, 1) != 8)   /* address_size */
			return -EINVAL;
		rd_n(r, 1);            /* segment_selector_size */
	}
	hdr_len = rd_n(r, offset64 ? 8 : 4);
	if (r->bad || hdr_len > (uint64_t)(unit_end - r->p))
		return -EINVAL;
	prog = r->p + hdr_len;
	min_len = (uint8_t)rd_n(r, 1);
	if (version >= 4)
		rd_n(r, 1);            /* maximum_operations_per_instruction */
	rd_n(r, 1);                /* default_is_stmt */
	line_base = (int8_t)rd_n(r, 1);
	line_range = (uint8_t)rd_n(r, 1);
	opcode_base = (uint8_t)rd_n(r, 1);
	if (r->bad || line_range == 0 || opcode_base == 0)
		return -EINVAL;
	for (unsigned i = 1; i < opcode_base; i++)
		std_len[i] = (uint8_t)rd_n(r, 1);

	free_files(c);
	if (version >= 5) {
		err = read_entries_v5(c, r, offset64, &dirs, &nr_dirs, false);
		if (!err)
			err = read_entries_v5(c, r, offset64, &dirs, &nr_dirs, true);
	} else {
		/* include_directories, then file_names; directory 0 is the
		 * compilation directory, which the line table does not name */
		for (;;) {
			const char *d = rd_str(r);
			char **nd;

			if (r->bad || !d[0])
				break;
			nd = realloc(dirs, (nr_dirs + 2) * sizeof(*nd));
			if (!nd) {
				err = -ENOMEM;
				break;
			}
			dirs = nd;
			if (!nr_dirs)
				dirs[nr_dirs++] = NULL;
			dirs[nr_dirs++] = (char *)d;
		}
		while (!err && !r->bad) {
			const char *name = rd_str(r);
			uint64_t dir;

			if (r->bad || !name[0])
				break;
			dir = rd_uleb(r);
			rd_uleb(r);
			rd_uleb(r);
			err = add_file(c, dir < nr_dirs ? dirs[dir] : NULL, name);
		}
	}
	free(dirs);
	if (err || r->bad)
		return err ? err : -EINVAL;

	r->p = prog;
	{
		struct rd pr = { prog, unit_end, false };
		uint64_t addr = 0, file = 1, line = 1, col = 0, base = 0;
		bool same = false;
		int sec = -1;

		while (pr.p < pr.end && !pr.bad && !err) {
			uint8_t op = (uint8_t)rd_n(&pr, 1);

			if (op >= opcode_base) {
				uint8_t adj = (uint8_t)(op - opcode_base);

				addr += (uint64_t)(adj / line_range) * min_len;
				line += (int64_t)line_base + adj % line_range;
				err = emit(c, sec, addr, file, line, col, version, &same);
				same = false;
				continue;
			}
			switch (op) {
			case 0: {
				uint64_t len = rd_uleb(&pr);
				const uint8_t *next = pr.p + len;
				uint8_t sub;

				if (pr.bad || len == 0 || len > (uint64_t)(pr.end - pr.p)) {
					pr.bad = true;
					break;
				}
				sub = (uint8_t)rd_n(&pr, 1);
				if (sub == DW_LNE_end_sequence) {
					addr = 0;
					file = 1;
					line = 1;
					col = 0;
					sec = -1;
					same = false;
				} else if (sub == DW_LNE_set_address && len == 9) {
					uint64_t at = (uint64_t)(pr.p - c->line_base);

					addr = rd_n(&pr, 8);
					sec = reloc_section(c, at, &base);
					addr += base;
				}
				pr.p = next;
				break;
			}
			case DW_LNS_copy:
				err = emit(c, sec, addr, file, line, col, version, &same);
				same = false;
				break;
			case DW_LNS_advance_pc:
				addr += rd_uleb(&pr) * min_len;
				break;
			case DW_LNS_advance_line:
				line += (uint64_t)rd_sleb(&pr);
				break;
			case DW_LNS_set_file:
				file = rd_uleb(&pr);
				break;
			case DW_LNS_set_column:
				col = rd_uleb(&pr);
				break;
			case DW_LNS_negate_stmt:   /* every row counts (above) */
				break;
			case DW_LNS_const_add_pc:
				addr += (uint64_t)((255 - opcode_base) / line_range) * min_len;
				break;
			case DW_LNS_fixed_advance_pc:
				addr += rd_n(&pr, 2);
				break;
			default:   /* other standard opcodes: skip their ULEB operands */
				for (unsigned i = 0; i < std_len[op]; i++)
					rd_uleb(&pr);
				break;
			}
		}
		if (pr.bad)
			err = err ? err : -EINVAL;
	}
	r->p = unit_end;
	return err;
}

static int cmp_line(const void *a, const void *b)
{
	const struct obj_line_rec *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	return x->insn < y->insn ? -1 : x->insn > y->insn;
}

int obj_dwarf_lines_load(struct bvf_object *obj)
{
	struct dw_ctx c = { .obj = obj };
	const struct obj_sec *line = NULL;
	size_t line_idx = 0;
	struct rd r;
	int err = 0;

	if (obj->nr_line_recs)
		return 0;   /* .BTF.ext has line info: it wins */
	for (size_t i = 0; i < obj->nr_secs; i++) {
		const struct obj_sec *s = &obj->secs[i];

		if (!s->name)
			continue;
		if (!strcmp(s->name, ".debug_line") && s->data) {
			line = s;
			line_idx = i;
		} else if (!strcmp(s->name, ".debug_line_str")) {
			c.line_str = s;
		} else if (!strcmp(s->name, ".debug_str")) {
			c.str = s;
		}
	}
	if (!line)
		return 0;
	for (size_t i = 0; i < obj->nr_secs; i++) {
		const struct obj_sec *s = &obj->secs[i];

		if (s->type == SHT_REL && s->info == line_idx && s->data && s->entsize == 16) {
			c.rel = s->data;
			c.nr_rel = s->size / 16;
		}
	}
	c.line_base = line->data;
	r = (struct rd){ line->data, line->data + line->size, false };
	while (r.p < r.end && !err)
		err = read_unit(&c, &r);
	free_files(&c);
	if (err == -ENOMEM || c.nr_recs == 0) {
		free(c.recs);
		return err == -ENOMEM ? err : 0;
	}
	qsort(c.recs, c.nr_recs, sizeof(*c.recs), cmp_line);
	free(obj->line_recs);
	obj->line_recs = c.recs;
	obj->nr_line_recs = c.nr_recs;
	return 0;
}
