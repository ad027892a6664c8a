/* obj_internal.h — the object side's private model of one BPF ELF object:
 * validated sections and symbols, relocations, BTF and .BTF.ext records,
 * maps, functions and the assembled programs. Shared by object.c and the
 * obj_*.c files only; the knowledge side sees bvf_internal.h.
 *
 * Every pointer into the object image stored here has been bounds-checked
 * once, when it was created (obj_elf.c, obj_btf_ext.c): later passes index
 * these arrays without re-validating the raw bytes.
 */
#ifndef BVF_OBJ_INTERNAL_H
#define BVF_OBJ_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bpfverify/facade.h"
#include "bpfverify/insn.h"
#include "bvf_internal.h"
#include "core_relo.h"

struct btf;
struct btf_type;
typedef struct Elf Elf;

/* What a section is to a BPF loader (libbpf's classification). */
enum obj_sec_kind {
	OBJ_SEC_OTHER = 0,   /* ignored (debug info, strtab, …) */
	OBJ_SEC_PROG,        /* executable, not .text: program entries */
	OBJ_SEC_TEXT,        /* .text: subprograms */
	OBJ_SEC_DATA,        /* .data, .data.* */
	OBJ_SEC_RODATA,      /* .rodata, .rodata.* */
	OBJ_SEC_BSS,         /* .bss, .bss.* */
	OBJ_SEC_MAPS,        /* .maps: BTF-defined maps */
	OBJ_SEC_LICENSE,
	OBJ_SEC_BTF,
	OBJ_SEC_BTF_EXT,
	OBJ_SEC_SYMTAB,
	OBJ_SEC_REL,
};

/* One relocation of a code section, checked: insn < section insn count,
 * sym < number of symbols. */
struct obj_rel {
	uint32_t insn;       /* instruction index within the section */
	uint32_t sym;        /* symbol index */
	uint32_t type;       /* R_BPF_* */
};

#define OBJ_R_BPF_NONE        0
#define OBJ_R_BPF_64_64       1
#define OBJ_R_BPF_64_ABS64    2
#define OBJ_R_BPF_64_ABS32    3
#define OBJ_R_BPF_64_NODYLD32 4
#define OBJ_R_BPF_64_32       10

struct obj_sec {
	const char *name;
	uint32_t type;          /* SHT_* */
	uint64_t flags;         /* SHF_* */
	const uint8_t *data;    /* NULL for SHT_NOBITS and empty sections */
	uint64_t size;
	uint32_t link, info;
	uint64_t entsize;
	enum obj_sec_kind kind;
	struct obj_rel *rels;   /* for code sections: sorted by insn */
	size_t nr_rels;
	int map;                /* global-data map index, -1 if none */
};

struct obj_sym {
	const char *name;       /* "" when unnamed */
	uint64_t value;
	uint64_t size;
	uint32_t shndx;
	uint8_t type;           /* STT_* */
	uint8_t bind;           /* STB_* */
	uint8_t visibility;     /* STV_* */
};

/* One function of the object: a program entry or a .text subprogram. */
struct obj_func {
	const char *name;
	uint32_t sec;
	uint32_t off;           /* first instruction, index within the section */
	uint32_t cnt;           /* number of instructions (> 0) */
	bool entry;             /* program entry point (not in .text) */
	bool global;            /* BTF linkage (ELF binding without BTF) */
	uint32_t btf_id;        /* FUNC type id from func_info, 0 if none */
};

/* .BTF.ext records, resolved to ELF section indexes and instruction
 * indexes (not bytes), sorted by (sec, insn). */
struct obj_func_rec {
	uint32_t sec, insn, type_id;
};
struct obj_line_rec {
	uint32_t sec, insn;
	const char *file;       /* from the BTF string section, may be "" */
	const char *text;       /* may be NULL */
	uint32_t line, col;
};
struct obj_core_rec {
	uint32_t sec, insn;
	uint32_t type_id;       /* checked: a type of the object's BTF */
	uint32_t access_str_off;/* checked: a string of the object's BTF */
	uint32_t kind;          /* unchecked: obj_link.c rejects unknown kinds */
	uint32_t rec_idx;       /* index in its section's block (libbpf's "relo #N") */
};

struct obj_map {
	struct bv_map_desc desc;
	uint32_t sec;           /* ELF section */
	uint64_t sec_off;       /* .maps: symbol offset; data maps: 0 */
	uint64_t sec_size;      /* .maps: symbol size; data maps: section size */
	bool init_values;       /* .maps `values`: initial prog/map slots in .rel.maps (not read yet) */
	bool is_inner;          /* a map-in-map's inner template */
	struct bv_map_desc *inner;  /* map-in-map: the inner template (desc.inner) */
	char *inner_name;       /* "<outer>.inner" */
};

/* A line-info record placed in an assembled program. */
struct obj_line {
	uint32_t insn;
	const char *file, *text;
	uint32_t line, col;
};

struct bvf_program {
	struct bvf_object *obj;
	const char *name;
	const char *sec_name;
	uint32_t entry;               /* index into obj->funcs */
	char *error;                  /* NULL when verifiable */
	/* from the section name */
	bool known_type;
	uint32_t prog_type;
	uint32_t attach_type;
	char *attach_target;
	bool sleepable;
	/* assembled code */
	struct bv_insn *insns;
	uint32_t insn_cnt;
	struct bv_func_desc *funcs;   /* entry first, in assembly order */
	uint32_t *func_cnt;           /* instruction count of funcs[i] */
	uint32_t nr_funcs;
	struct obj_line *lines;       /* sorted by insn */
	size_t nr_lines;
	/* CO-RE relocations of the assembled code, applied per target
	 * kernel by bvf_verify (insns stay as compiled); sorted by insn. */
	struct bvf_core_relo *core_relos;
	size_t nr_core_relos;
	/* ld_imm64 of ksym addresses, resolved per target kernel */
	struct bvf_ksym_ref *ksym_refs;
	size_t nr_ksym_refs;
	/* kfunc calls and kfunc addresses (bpf_ksym_exists), resolved per
	 * target kernel (extern_funcs index) */
	struct bvf_kfunc_ref *kfunc_refs;
	size_t nr_kfunc_refs;
	/* first ld_imm64 naming a map by a raw fd (no relocation), -1 */
	int64_t raw_map_fd_insn;
	int32_t raw_map_fd;
	bool raw_map_fd_idx;          /* the fd_array index form */
};

struct bvf_object {
	char *name;
	uint8_t *image;               /* private copy of the file */
	size_t size;
	size_t image_map_len;         /* image is a private mapping of the file: munmap */
	Elf *elf;
	struct obj_sec *secs;
	size_t nr_secs;
	struct obj_sym *syms;
	size_t nr_syms;
	int text_sec, maps_sec, btf_sec, btf_ext_sec, license_sec; /* -1 if none */
	struct btf *btf;              /* NULL without .BTF */
	struct obj_func_rec *func_recs;
	size_t nr_func_recs;
	struct obj_line_rec *line_recs;
	size_t nr_line_recs;
	char **dwarf_files;           /* file names of DWARF line records */
	size_t nr_dwarf_files;
	struct obj_core_rec *core_recs;
	size_t nr_core_recs;
	struct obj_map *maps;
	struct bv_map_desc *map_descs;/* contiguous copy for bvf_program_maps */
	size_t nr_maps;
	struct obj_func *funcs;       /* sorted by (sec, off) */
	size_t nr_funcs;
	const char *license;          /* NUL-terminated inside the image, or NULL */
	struct bvf_program *progs;
	size_t nr_progs;
	/* undefined functions the code calls (bvf_object_extern_funcs) */
	struct bvf_extern_func *extern_funcs;
	size_t nr_extern_funcs;
	bool has_other_externs;
	/* extern variables (obj_externs.c) and the .kconfig map, -1 if none */
	struct bvf_extern_var *extern_vars;
	size_t nr_extern_vars;
	size_t nr_kconfig;
	int kconfig_map;
	/* CO-RE memos per target kernel (obj_core_memo.c) */
	pthread_mutex_t memo_lock;
	bool memos_ready;
	struct obj_memo { const void *key; struct bvf_core_memo *memo; } *memos;
	size_t nr_memos;
};

void obj_core_memos_init(struct bvf_object *obj);
void obj_core_memos_free(struct bvf_object *obj);

/* Error reporting: "<object name>: <message>" into err[errsz]. */
struct obj_err {
	const char *obj_name;
	char *buf;
	size_t size;
};
__attribute__((format(printf, 2, 3)))
int obj_fail(struct obj_err *e, const char *fmt, ...);

/* Program-level problem: sets prog->error once (the first problem wins),
 * prefixed "program '<name>': ". Returns -EINVAL, or -ENOMEM. */
__attribute__((format(printf, 2, 3)))
int obj_prog_fail(struct bvf_program *prog, const char *fmt, ...);

/* obj_elf.c: sections, symbols and relocations, all validated. */
int obj_elf_load(struct bvf_object *obj, struct obj_err *e);
void obj_elf_free(struct bvf_object *obj);

/* obj_btf.c: .BTF via libbpf; obj_btf_ext.c: .BTF.ext records. */
int obj_btf_load(struct bvf_object *obj, struct obj_err *e);
int obj_btf_ext_load(struct bvf_object *obj, struct obj_err *e);
/* .BTF.ext records (struct obj_func_rec, _line_rec, _core_rec: the section
 * first) sorted by cmp as a stable sort would (obj_btf_ext.c). */
void obj_sort_recs(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
/* obj_dwarf_line.c: line records from .debug_line when .BTF.ext has none
 * (bpf-gcc); best effort: 0, or -ENOMEM. */
int obj_dwarf_lines_load(struct bvf_object *obj);
/* Follows typedefs and const/volatile/restrict/type-tag modifiers (depth
 * limited); NULL for a bad id or a cycle. */
const struct btf_type *obj_btf_skip_mods(const struct btf *btf, uint32_t id, uint32_t *res_id);
/* FUNC linkage of a type id (BTF_FUNC_GLOBAL → true). */
bool obj_btf_func_is_global(const struct bvf_object *obj, uint32_t type_id, bool *known);
/* Id of the DATASEC named `name`, 0 if none. */
uint32_t obj_btf_datasec_id(const struct bvf_object *obj, const char *name);
/* Offsets of bpf_spin_lock / bpf_timer inside type `type_id`, -1 if none. */
void obj_btf_special_fields(const struct bvf_object *obj, uint32_t type_id,
			    int32_t *spin_lock_off, int32_t *timer_off);
/* enum bv_spin_lock_shape of type `type_id` (the kernel's search for a
 * struct bpf_spin_lock among a struct's members or a DATASEC's variables). */
uint8_t obj_btf_spin_lock_shape(const struct bvf_object *obj, uint32_t type_id);

/* obj_maps.c: the object's map list (libbpf order). */
int obj_maps_collect(struct bvf_object *obj, struct obj_err *e);
/* Map index for a .maps symbol at `off`, -1 if none. */
int obj_maps_find(const struct bvf_object *obj, uint32_t sec, uint64_t off);
void obj_maps_free(struct bvf_object *obj);

/* obj_externs.c: extern variables and the .kconfig map (after the maps). */
int obj_externs_collect(struct bvf_object *obj, struct obj_err *e);
/* Index in obj->extern_vars of the extern variable `name`, -1 if none. */
int obj_externs_find(const struct bvf_object *obj, const char *name);

/* obj_funcs.c: program entries and subprograms. */
int obj_funcs_collect(struct bvf_object *obj, struct obj_err *e);
/* Function of section `sec` containing instruction `insn`, or -1. */
int obj_func_find(const struct bvf_object *obj, uint32_t sec, uint32_t insn);

/* obj_link.c: assemble one program (subprograms appended, relocations
 * applied, CO-RE relocations recorded, func/line info placed). Problems
 * become prog->error. Returns 0 or -ENOMEM. */
int obj_link_program(struct bvf_program *prog);

/* obj_sections.c: section name → program type. */
struct obj_sec_info {
	uint32_t prog_type;
	uint32_t attach_type;
	bool sleepable;
	const char *target;     /* points into the name, or NULL */
	size_t target_len;      /* bytes of the target */
};
bool obj_section_lookup(const char *sec_name, struct obj_sec_info *info);
/* libbpf's name of a program type ("sched_cls"), NULL if unknown. */
const char *obj_prog_type_name(uint32_t prog_type);

#endif
