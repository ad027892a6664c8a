/* object.c — the object side's public face: opening a BPF ELF object
 * (bvf_object_open_file/open_mem), the passes that turn it into programs,
 * and the accessors of bvf.h and bvf_internal.h for objects and programs.
 *
 * Opening runs the passes in a fixed order, each on validated output of
 * the previous one: ELF (obj_elf.c) → BTF (obj_btf.c) → .BTF.ext
 * (obj_btf_ext.c) → maps (obj_maps.c) → functions (obj_funcs.c) → per
 * program: section rules (obj_sections.c) and assembly (obj_link.c).
 * A corrupt object fails as a whole (NULL + message); a problem specific
 * to one program becomes that program's error and the others stay usable.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <elf.h>

#include "obj_internal.h"

/* Objects beyond this size are not BPF programs Clang could emit. */
#define OBJ_MAX_FILE_SIZE (1ull << 30)

int obj_fail(struct obj_err *e, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!e->buf || !e->size)
		return -EINVAL;
	n = snprintf(e->buf, e->size, "%s: ", e->obj_name);
	if (n >= 0 && (size_t)n < e->size) {
		va_start(ap, fmt);
		vsnprintf(e->buf + n, e->size - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

int obj_prog_fail(struct bvf_program *prog, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int n;

	if (prog->error)
		return -EINVAL;
	n = snprintf(msg, sizeof(msg), "program '%s': ", prog->name);
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	prog->error = strdup(msg);
	return prog->error ? -EINVAL : -ENOMEM;
}

static void free_programs(struct bvf_object *obj)
{
	for (size_t i = 0; i < obj->nr_progs; i++) {
		struct bvf_program *p = &obj->progs[i];

		free(p->error);
		free(p->attach_target);
		free(p->insns);
		free(p->funcs);
		free(p->func_cnt);
		free(p->lines);
		free(p->core_relos);
		free(p->ksym_refs);
		free(p->kfunc_refs);
	}
	free(obj->progs);
}

void bvf_object_close(struct bvf_object *obj)
{
	if (!obj)
		return;
	free_programs(obj);
	obj_core_memos_free(obj);
	free(obj->extern_funcs);
	free(obj->extern_vars);
	free(obj->funcs);
	obj_maps_free(obj);
	free(obj->func_recs);
	free(obj->line_recs);
	for (size_t i = 0; i < obj->nr_dwarf_files; i++)
		free(obj->dwarf_files[i]);
	free(obj->dwarf_files);
	free(obj->core_recs);
	if (obj->btf)
		btf__free(obj->btf);
	obj_elf_free(obj);
	if (obj->image_map_len)
		munmap(obj->image, obj->image_map_len);
	else
		free(obj->image);
	free(obj->name);
	free(obj);
}

static int setup_program(struct bvf_program *p, struct obj_err *e)
{
	struct obj_sec_info si;
	int err;

	if (obj_section_lookup(p->sec_name, &si)) {
		p->known_type = true;
		p->prog_type = si.prog_type;
		p->attach_type = si.attach_type;
		p->sleepable = si.sleepable;
		if (si.target) {
			p->attach_target = strndup(si.target, si.target_len);
			if (!p->attach_target)
				return obj_fail(e, "out of memory"), -ENOMEM;
		}
	}
	err = obj_link_program(p);
	if (err)
		return obj_fail(e, "out of memory"), err;
	/* An unknown section is the first thing a user must fix: it wins
	 * over any relocation problem found while assembling. */
	if (!p->known_type) {
		free(p->error);
		p->error = NULL;
		obj_prog_fail(p, "unknown section '%s': cannot determine the program type", p->sec_name);
	}
	return 0;
}

static int cmp_extern_func(const void *a, const void *b)
{
	return strcmp(((const struct bvf_extern_func *)a)->name,
		      ((const struct bvf_extern_func *)b)->name);
}

/* Undefined symbols the code refers to: those called (R_BPF_64_32: kfuncs)
 * and the others (ld_imm64 of a ksym variable or a .kconfig value). libbpf
 * resolves them for the whole object before any program loads, in name
 * order within a kind. */
static int collect_externs(struct bvf_object *obj, struct obj_err *e)
{
	for (size_t si = 0; si < obj->nr_secs; si++) {
		const struct obj_sec *s = &obj->secs[si];

		for (size_t r = 0; r < s->nr_rels; r++) {
			const struct obj_rel *rel = &s->rels[r];
			const struct obj_sym *y;
			struct bvf_extern_func *nv;
			bool seen = false;

			if (rel->sym >= obj->nr_syms)
				continue;
			y = &obj->syms[rel->sym];
			if (y->shndx != SHN_UNDEF || !y->name[0] || rel->type == OBJ_R_BPF_NONE)
				continue;
			if (rel->type != OBJ_R_BPF_64_32) {
				/* kconfig and ksym variables: externs.c resolves them;
				 * the address of an extern function (bpf_ksym_exists) is
				 * a kfunc reference like a call */
				if (obj_externs_find(obj, y->name) >= 0)
					continue;
				if (!obj->btf ||
				    btf__find_by_name_kind(obj->btf, y->name, BTF_KIND_FUNC) <= 0) {
					obj->has_other_externs = true;
					continue;
				}
			}
			for (size_t i = 0; i < obj->nr_extern_funcs && !seen; i++)
				seen = strcmp(obj->extern_funcs[i].name, y->name) == 0;
			if (seen)
				continue;
			nv = realloc(obj->extern_funcs, (obj->nr_extern_funcs + 1) * sizeof(*nv));
			if (!nv)
				return obj_fail(e, "out of memory");
			obj->extern_funcs = nv;
			nv[obj->nr_extern_funcs].name = y->name;
			nv[obj->nr_extern_funcs].weak = y->bind == STB_WEAK;
			obj->nr_extern_funcs++;
		}
	}
	if (obj->nr_extern_funcs > 1)
		qsort(obj->extern_funcs, obj->nr_extern_funcs, sizeof(*obj->extern_funcs),
		      cmp_extern_func);
	return 0;
}

size_t bvf_object_extern_funcs(const struct bvf_object *obj, const struct bvf_extern_func **out,
			       bool *has_other)
{
	*out = obj ? obj->extern_funcs : NULL;
	if (has_other)
		*has_other = obj && obj->has_other_externs;
	return obj ? obj->nr_extern_funcs : 0;
}

static int collect_programs(struct bvf_object *obj, struct obj_err *e)
{
	size_t n = 0;

	for (size_t i = 0; i < obj->nr_funcs; i++)
		n += obj->funcs[i].entry;
	if (n == 0)
		return obj_fail(e, "no BPF programs found");
	obj->progs = calloc(n, sizeof(*obj->progs));
	if (!obj->progs)
		return obj_fail(e, "out of memory"), -ENOMEM;
	for (size_t i = 0; i < obj->nr_funcs; i++) {
		struct bvf_program *p;
		int err;

		if (!obj->funcs[i].entry)
			continue;
		p = &obj->progs[obj->nr_progs++];
		p->obj = obj;
		p->entry = (uint32_t)i;
		p->name = obj->funcs[i].name;
		p->sec_name = obj->secs[obj->funcs[i].sec].name;
		err = setup_program(p, e);
		if (err)
			return err;
	}
	return 0;
}

/* Runs the passes on obj->image (obj->size bytes followed by at least 8
 * zero bytes); closes obj on failure. */
static struct bvf_object *open_image(struct bvf_object *obj, struct obj_err *e)
{
	int ret;

	e->obj_name = obj->name;
	obj_core_memos_init(obj);
	ret = obj_elf_load(obj, e);
	if (!ret)
		ret = obj_btf_load(obj, e);
	if (!ret)
		ret = obj_btf_ext_load(obj, e);
	if (!ret && obj_dwarf_lines_load(obj))
		ret = obj_fail(e, "out of memory");
	if (!ret)
		ret = obj_maps_collect(obj, e);
	if (!ret)
		ret = obj_externs_collect(obj, e);
	if (!ret)
		ret = obj_funcs_collect(obj, e);
	if (!ret)
		ret = collect_externs(obj, e);
	if (!ret)
		ret = collect_programs(obj, e);
	if (ret) {
		bvf_object_close(obj);
		return NULL;
	}
	return obj;
}

struct bvf_object *bvf_object_open_mem(const void *data, size_t size, const char *name,
				       char *err, size_t errsz)
{
	struct obj_err e = { .obj_name = name ? name : "<memory>", .buf = err, .size = errsz };
	struct bvf_object *obj;

	if (err && errsz)
		err[0] = '\0';
	if (!data && size) {
		obj_fail(&e, "no data");
		return NULL;
	}
	if (size > OBJ_MAX_FILE_SIZE) {
		obj_fail(&e, "absurd object size %zu", size);
		return NULL;
	}
	obj = calloc(1, sizeof(*obj));
	if (!obj) {
		obj_fail(&e, "out of memory");
		return NULL;
	}
	obj->name = strdup(e.obj_name);
	/* +8 zeroed bytes: a private, aligned copy libelf may read freely. */
	obj->image = calloc(1, size + 8);
	if (!obj->name || !obj->image) {
		obj_fail(&e, "out of memory");
		bvf_object_close(obj);
		return NULL;
	}
	if (size)
		memcpy(obj->image, data, size);
	obj->size = size;
	return open_image(obj, &e);
}

/* The file mapped copy-on-write instead of read and copied (a CO-RE-heavy
 * object with its DWARF is about 1 MB: two copies cost more than parsing
 * it). The zeros open_mem appends are the rest of the last page, so a
 * file whose size is a whole number of pages, or that cannot be mapped,
 * takes the copy. Returns NULL with errno 0 when it did not map. */
static struct bvf_object *open_mapped(int fd, size_t size, const char *path, char *err,
				      size_t errsz, bool *tried)
{
	struct obj_err e = { .obj_name = path, .buf = err, .size = errsz };
	long page = sysconf(_SC_PAGESIZE);
	struct bvf_object *obj;
	void *map;

	*tried = false;
	if (page <= 0 || size == 0 || size % (size_t)page == 0 ||
	    size % (size_t)page > (size_t)page - 8)
		return NULL;
	map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return NULL;
	*tried = true;
	obj = calloc(1, sizeof(*obj));
	if (!obj || !(obj->name = strdup(path))) {
		free(obj);
		munmap(map, size);
		obj_fail(&e, "out of memory");
		return NULL;
	}
	obj->image = map;
	obj->image_map_len = size;
	obj->size = size;
	return open_image(obj, &e);
}

struct bvf_object *bvf_object_open_file(const char *path, char *err, size_t errsz)
{
	struct obj_err e = { .obj_name = path ? path : "<null>", .buf = err, .size = errsz };
	struct bvf_object *obj = NULL;
	struct stat st;
	uint8_t *buf = NULL;
	FILE *f;

	if (err && errsz)
		err[0] = '\0';
	if (!path) {
		obj_fail(&e, "no path");
		return NULL;
	}
	f = fopen(path, "rb");
	if (!f) {
		obj_fail(&e, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) {
		obj_fail(&e, "not a regular file");
		goto out;
	}
	if ((unsigned long long)st.st_size > OBJ_MAX_FILE_SIZE) {
		obj_fail(&e, "absurd object size %lld", (long long)st.st_size);
		goto out;
	}
	{
		bool mapped;

		obj = open_mapped(fileno(f), (size_t)st.st_size, path, err, errsz, &mapped);
		if (mapped)
			goto out;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		obj_fail(&e, "out of memory");
		goto out;
	}
	if (fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		obj_fail(&e, "read error: %s", ferror(f) ? strerror(errno) : "file shrank");
		goto out;
	}
	obj = bvf_object_open_mem(buf, (size_t)st.st_size, path, err, errsz);
out:
	free(buf);
	fclose(f);
	return obj;
}

const char *bvf_object_name(const struct bvf_object *obj)
{
	return obj->name;
}

size_t bvf_object_program_count(const struct bvf_object *obj)
{
	return obj->nr_progs;
}

const struct bvf_program *bvf_object_program(const struct bvf_object *obj, size_t i)
{
	return i < obj->nr_progs ? &obj->progs[i] : NULL;
}

const char *bvf_program_name(const struct bvf_program *prog)
{
	return prog->name;
}

const char *bvf_program_section(const struct bvf_program *prog)
{
	return prog->sec_name;
}

const char *bvf_program_type_name(const struct bvf_program *prog)
{
	return prog->known_type ? bvf_prog_type_name(prog->prog_type) : NULL;
}

const char *bvf_program_error(const struct bvf_program *prog)
{
	return prog->error;
}

const struct bv_insn *bvf_program_insns(const struct bvf_program *prog, uint32_t *cnt)
{
	if (cnt)
		*cnt = prog->insn_cnt;
	return prog->insns;
}

bool bvf_program_source_loc(const struct bvf_program *prog, uint32_t insn,
			    struct bvf_source_loc *loc)
{
	uint32_t func_start = 0;
	size_t lo = 0, hi = prog->nr_lines;
	bool in_func = false;

	memset(loc, 0, sizeof(*loc));
	if (insn >= prog->insn_cnt)
		return false;
	for (uint32_t k = 0; k < prog->nr_funcs; k++) {
		if (insn >= prog->funcs[k].insn_off &&
		    insn - prog->funcs[k].insn_off < prog->func_cnt[k]) {
			func_start = prog->funcs[k].insn_off;
			in_func = true;
			break;
		}
	}
	if (!in_func)
		return false;
	/* Last record at or before insn. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (prog->lines[mid].insn <= insn)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || prog->lines[lo - 1].insn < func_start)
		return false;
	loc->file = prog->lines[lo - 1].file;
	loc->line = prog->lines[lo - 1].line;
	loc->column = prog->lines[lo - 1].col;
	loc->text = prog->lines[lo - 1].text && prog->lines[lo - 1].text[0] ?
		    prog->lines[lo - 1].text : NULL;
	return true;
}

/* ---- bvf_internal.h: object-side facts ---- */

uint32_t bvf_program_prog_type(const struct bvf_program *prog)
{
	return prog->known_type ? prog->prog_type : BV_PROG_TYPE_UNSPEC;
}

uint32_t bvf_program_attach_type(const struct bvf_program *prog)
{
	return prog->attach_type;
}

const char *bvf_program_attach_target(const struct bvf_program *prog)
{
	return prog->attach_target;
}

bool bvf_program_sleepable(const struct bvf_program *prog)
{
	return prog->sleepable;
}

const char *bvf_program_license(const struct bvf_program *prog)
{
	return prog->obj->license;
}

const struct bv_map_desc *bvf_program_maps(const struct bvf_program *prog, uint32_t *nr)
{
	if (nr)
		*nr = (uint32_t)prog->obj->nr_maps;
	return prog->obj->map_descs;
}

int64_t bvf_program_raw_map_fd(const struct bvf_program *prog, int32_t *fd, bool *idx_form)
{
	*fd = prog->raw_map_fd;
	*idx_form = prog->raw_map_fd_idx;
	return prog->insns ? prog->raw_map_fd_insn : -1;
}

size_t bvf_program_kfunc_refs(const struct bvf_program *prog, const struct bvf_kfunc_ref **out)
{
	*out = prog->kfunc_refs;
	return prog->nr_kfunc_refs;
}

size_t bvf_program_ksym_refs(const struct bvf_program *prog, const struct bvf_ksym_ref **out)
{
	*out = prog->ksym_refs;
	return prog->nr_ksym_refs;
}

const struct bv_func_desc *bvf_program_funcs(const struct bvf_program *prog, uint32_t *nr)
{
	if (nr)
		*nr = prog->nr_funcs;
	return prog->funcs;
}

const struct bvf_object *bvf_program_object(const struct bvf_program *prog)
{
	return prog->obj;
}

const struct bvf_core_relo *bvf_program_core_relos(const struct bvf_program *prog, size_t *nr)
{
	if (nr)
		*nr = prog->nr_core_relos;
	return prog->core_relos;
}

const struct btf *bvf_program_btf(const struct bvf_program *prog)
{
	return prog->obj->btf;
}
