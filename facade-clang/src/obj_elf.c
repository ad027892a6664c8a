/* obj_elf.c — reading a BPF ELF object with libelf, trusting nothing:
 * the header, the section table, the symbol table and the relocations of
 * code sections are validated here once, so that every later pass works on
 * checked arrays (struct obj_sec, obj_sym, obj_rel) and never touches a raw
 * offset again.
 *
 * Section classification follows libbpf's conventions (bpf_object__elf_collect):
 * executable PROGBITS sections hold programs (.text holds subprograms),
 * .data/.rodata/.bss and their ".name" variants are global data, ".maps"
 * holds BTF-defined maps, and the legacy "maps" section is refused as
 * libbpf 1.x refuses it.
 */
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>

#include "obj_internal.h"

#ifndef EM_BPF
#define EM_BPF 247
#endif

/* Far beyond anything Clang emits; guards against absurd counts that would
 * make us allocate gigabytes from a corrupt header. */
#define OBJ_MAX_SECTIONS 65536
#define OBJ_MAX_SYMBOLS  (1u << 22)

/* ".data" or ".data.<anything>": the forms libbpf turns into maps. */
static bool is_data_name(const char *name, const char *base)
{
	size_t n = strlen(base);

	return strncmp(name, base, n) == 0 && (name[n] == '\0' || name[n] == '.');
}

static int check_header(struct bvf_object *obj, struct obj_err *e)
{
	const uint8_t *id = obj->image;

	if (obj->size < EI_NIDENT || memcmp(id, ELFMAG, SELFMAG) != 0)
		return obj_fail(e, "not an ELF file");
	if (id[EI_CLASS] != ELFCLASS64)
		return obj_fail(e, "not a 64-bit ELF file (class %u); BPF objects are ELF64", id[EI_CLASS]);
	if (id[EI_DATA] != ELFDATA2LSB)
		return obj_fail(e, "not a little-endian ELF file; only little-endian BPF objects are supported");
	if (obj->size < sizeof(Elf64_Ehdr))
		return obj_fail(e, "truncated ELF header (%zu bytes)", obj->size);
	return 0;
}

static enum obj_sec_kind classify(const char *name, const GElf_Shdr *sh)
{
	if (sh->sh_type == SHT_SYMTAB)
		return OBJ_SEC_SYMTAB;
	if (sh->sh_type == SHT_REL)
		return OBJ_SEC_REL;
	if (sh->sh_type == SHT_NOBITS)
		return is_data_name(name, ".bss") ? OBJ_SEC_BSS : OBJ_SEC_OTHER;
	if (sh->sh_type != SHT_PROGBITS)
		return OBJ_SEC_OTHER;
	if (strcmp(name, "license") == 0)
		return OBJ_SEC_LICENSE;
	if (strcmp(name, ".maps") == 0)
		return OBJ_SEC_MAPS;
	if (strcmp(name, ".BTF") == 0)
		return OBJ_SEC_BTF;
	if (strcmp(name, ".BTF.ext") == 0)
		return OBJ_SEC_BTF_EXT;
	if (sh->sh_flags & SHF_EXECINSTR)
		return strcmp(name, ".text") == 0 ? OBJ_SEC_TEXT : OBJ_SEC_PROG;
	if (is_data_name(name, ".data"))
		return OBJ_SEC_DATA;
	if (is_data_name(name, ".rodata"))
		return OBJ_SEC_RODATA;
	return OBJ_SEC_OTHER;
}

static int load_sections(struct bvf_object *obj, struct obj_err *e)
{
	size_t shnum, shstrndx;
	int symtab = -1;

	if (elf_getshdrnum(obj->elf, &shnum) || elf_getshdrstrndx(obj->elf, &shstrndx))
		return obj_fail(e, "corrupt section header table: %s", elf_errmsg(-1));
	if (shnum == 0)
		return obj_fail(e, "no sections");
	if (shnum > OBJ_MAX_SECTIONS)
		return obj_fail(e, "absurd section count %zu", shnum);
	if (shstrndx >= shnum)
		return obj_fail(e, "section-name table index %zu is out of range (%zu sections)",
				shstrndx, shnum);

	obj->secs = calloc(shnum, sizeof(*obj->secs));
	if (!obj->secs)
		return obj_fail(e, "out of memory"), -ENOMEM;
	obj->nr_secs = shnum;

	for (size_t i = 0; i < shnum; i++) {
		struct obj_sec *s = &obj->secs[i];
		Elf_Scn *scn = elf_getscn(obj->elf, i);
		GElf_Shdr sh;
		const char *name;

		s->map = -1;
		if (!scn || !gelf_getshdr(scn, &sh))
			return obj_fail(e, "section %zu: corrupt header: %s", i, elf_errmsg(-1));
		if (i == 0) {
			s->name = "";
			continue;
		}
		name = elf_strptr(obj->elf, shstrndx, sh.sh_name);
		if (!name)
			return obj_fail(e, "section %zu: name offset %u is out of range", i, sh.sh_name);
		s->name = name;
		s->type = sh.sh_type;
		s->flags = sh.sh_flags;
		s->size = sh.sh_size;
		s->link = sh.sh_link;
		s->info = sh.sh_info;
		s->entsize = sh.sh_entsize;
		if (sh.sh_type != SHT_NOBITS && sh.sh_type != SHT_NULL && sh.sh_size) {
			if (sh.sh_offset > obj->size || sh.sh_size > obj->size - sh.sh_offset)
				return obj_fail(e, "section %zu (%s): [0x%llx, +0x%llx) extends past the end of the file (%zu bytes)",
						i, name, (unsigned long long)sh.sh_offset,
						(unsigned long long)sh.sh_size, obj->size);
			s->data = obj->image + sh.sh_offset;
		}
		s->kind = classify(name, &sh);

		if (sh.sh_type == SHT_PROGBITS && strcmp(name, "maps") == 0)
			return obj_fail(e, "elf: legacy map definitions in 'maps' section are not supported by libbpf v1.0+");

		switch (s->kind) {
		case OBJ_SEC_PROG:
		case OBJ_SEC_TEXT:
			if (sh.sh_size % sizeof(struct bv_insn))
				return obj_fail(e, "section %zu (%s): size %llu is not a multiple of 8 (one BPF instruction)",
						i, name, (unsigned long long)sh.sh_size);
			if (sh.sh_size / sizeof(struct bv_insn) > UINT32_MAX / 2)
				return obj_fail(e, "section %zu (%s): absurd size %llu", i, name,
						(unsigned long long)sh.sh_size);
			if (s->kind == OBJ_SEC_TEXT)
				obj->text_sec = (int)i;
			break;
		case OBJ_SEC_MAPS:
			obj->maps_sec = (int)i;
			break;
		case OBJ_SEC_BTF:
			obj->btf_sec = (int)i;
			break;
		case OBJ_SEC_BTF_EXT:
			obj->btf_ext_sec = (int)i;
			break;
		case OBJ_SEC_LICENSE:
			obj->license_sec = (int)i;
			break;
		case OBJ_SEC_SYMTAB:
			if (symtab >= 0)
				return obj_fail(e, "more than one symbol table (sections %d and %zu)", symtab, i);
			symtab = (int)i;
			break;
		default:
			break;
		}
	}
	if (symtab < 0)
		return obj_fail(e, "no symbol table");
	return symtab;
}

static int load_symbols(struct bvf_object *obj, int symtab, struct obj_err *e)
{
	const struct obj_sec *st = &obj->secs[symtab];
	Elf_Data *data;
	size_t n;

	if (st->entsize != sizeof(Elf64_Sym) || st->size % sizeof(Elf64_Sym))
		return obj_fail(e, "section %d (%s): bad symbol entry size %llu", symtab, st->name,
				(unsigned long long)st->entsize);
	if (st->link == 0 || st->link >= obj->nr_secs || obj->secs[st->link].type != SHT_STRTAB)
		return obj_fail(e, "section %d (%s): string table index %u is invalid", symtab,
				st->name, st->link);
	n = st->size / sizeof(Elf64_Sym);
	if (n > OBJ_MAX_SYMBOLS)
		return obj_fail(e, "absurd symbol count %zu", n);
	data = elf_getdata(elf_getscn(obj->elf, symtab), NULL);
	if (!data || data->d_size < n * sizeof(Elf64_Sym))
		return obj_fail(e, "section %d (%s): cannot read symbols: %s", symtab, st->name,
				elf_errmsg(-1));
	obj->syms = calloc(n ? n : 1, sizeof(*obj->syms));
	if (!obj->syms)
		return obj_fail(e, "out of memory"), -ENOMEM;
	obj->nr_syms = n;

	for (size_t i = 0; i < n; i++) {
		struct obj_sym *y = &obj->syms[i];
		GElf_Sym sym;
		const char *name;

		if (!gelf_getsym(data, (int)i, &sym))
			return obj_fail(e, "symbol %zu: unreadable: %s", i, elf_errmsg(-1));
		name = elf_strptr(obj->elf, st->link, sym.st_name);
		if (!name)
			return obj_fail(e, "symbol %zu: name offset %u is out of range", i, sym.st_name);
		if (sym.st_shndx >= obj->nr_secs && sym.st_shndx < SHN_LORESERVE)
			return obj_fail(e, "symbol %zu (%s): section index %u is out of range", i,
					name, sym.st_shndx);
		y->name = name;
		y->value = sym.st_value;
		y->size = sym.st_size;
		y->shndx = sym.st_shndx;
		y->type = GELF_ST_TYPE(sym.st_info);
		y->bind = GELF_ST_BIND(sym.st_info);
		y->visibility = GELF_ST_VISIBILITY(sym.st_other);
	}
	return 0;
}

static int cmp_rel(const void *a, const void *b)
{
	const struct obj_rel *x = a, *y = b;

	return x->insn < y->insn ? -1 : x->insn > y->insn;
}

/* Relocations of code sections; those of .BTF, .BTF.ext, .maps, debug info
 * are address fix-ups a loader ignores. */
static int load_relocations(struct bvf_object *obj, int symtab, struct obj_err *e)
{
	for (size_t i = 1; i < obj->nr_secs; i++) {
		struct obj_sec *rs = &obj->secs[i];
		struct obj_sec *target;
		Elf_Data *data;
		size_t n;

		if (rs->type == SHT_RELA && rs->info < obj->nr_secs &&
		    (obj->secs[rs->info].kind == OBJ_SEC_PROG || obj->secs[rs->info].kind == OBJ_SEC_TEXT))
			return obj_fail(e, "section %zu (%s): SHT_RELA relocations are not used by BPF objects",
					i, rs->name);
		if (rs->kind != OBJ_SEC_REL)
			continue;
		if (rs->info == 0 || rs->info >= obj->nr_secs)
			return obj_fail(e, "section %zu (%s): relocated section index %u is out of range",
					i, rs->name, rs->info);
		target = &obj->secs[rs->info];
		if (target->kind != OBJ_SEC_PROG && target->kind != OBJ_SEC_TEXT)
			continue;
		if (rs->link != (uint32_t)symtab)
			return obj_fail(e, "section %zu (%s): symbol table index %u is not the symbol table",
					i, rs->name, rs->link);
		if (rs->entsize != sizeof(Elf64_Rel) || rs->size % sizeof(Elf64_Rel))
			return obj_fail(e, "section %zu (%s): bad relocation entry size %llu", i,
					rs->name, (unsigned long long)rs->entsize);
		if (target->rels)
			return obj_fail(e, "section %zu (%s): %s has a second relocation section", i,
					rs->name, target->name);
		n = rs->size / sizeof(Elf64_Rel);
		if (n > target->size / sizeof(struct bv_insn))
			return obj_fail(e, "section %zu (%s): %zu relocations for %llu instructions",
					i, rs->name, n,
					(unsigned long long)(target->size / sizeof(struct bv_insn)));
		data = elf_getdata(elf_getscn(obj->elf, i), NULL);
		if (!data || data->d_size < n * sizeof(Elf64_Rel))
			return obj_fail(e, "section %zu (%s): cannot read relocations: %s", i,
					rs->name, elf_errmsg(-1));
		target->rels = calloc(n ? n : 1, sizeof(*target->rels));
		if (!target->rels)
			return obj_fail(e, "out of memory"), -ENOMEM;
		target->nr_rels = n;
		for (size_t j = 0; j < n; j++) {
			GElf_Rel rel;
			uint64_t sym;

			if (!gelf_getrel(data, (int)j, &rel))
				return obj_fail(e, "section %zu (%s): relocation #%zu unreadable", i,
						rs->name, j);
			sym = GELF_R_SYM(rel.r_info);
			if (sym >= obj->nr_syms)
				return obj_fail(e, "section %zu (%s): relocation #%zu: symbol %llu is out of range",
						i, rs->name, j, (unsigned long long)sym);
			if (rel.r_offset % sizeof(struct bv_insn) ||
			    rel.r_offset >= target->size)
				return obj_fail(e, "section %zu (%s): relocation #%zu: offset 0x%llx is not an instruction of %s",
						i, rs->name, j, (unsigned long long)rel.r_offset,
						target->name);
			target->rels[j].insn = (uint32_t)(rel.r_offset / sizeof(struct bv_insn));
			target->rels[j].sym = (uint32_t)sym;
			target->rels[j].type = (uint32_t)GELF_R_TYPE(rel.r_info);
		}
		qsort(target->rels, n, sizeof(*target->rels), cmp_rel);
		for (size_t j = 1; j < n; j++)
			if (target->rels[j].insn == target->rels[j - 1].insn)
				return obj_fail(e, "section %zu (%s): two relocations for instruction %u of %s",
						i, rs->name, target->rels[j].insn, target->name);
	}
	return 0;
}

static int load_license(struct bvf_object *obj, struct obj_err *e)
{
	const struct obj_sec *s;

	if (obj->license_sec < 0)
		return 0;
	s = &obj->secs[obj->license_sec];
	/* libbpf copies at most the section's bytes: an unterminated string
	 * still counts, up to the section end. */
	obj->license = strndup(s->data ? (const char *)s->data : "", s->data ? s->size : 0);
	if (!obj->license)
		return obj_fail(e, "out of memory"), -ENOMEM;
	return 0;
}

int obj_elf_load(struct bvf_object *obj, struct obj_err *e)
{
	GElf_Ehdr eh;
	int symtab, err;

	obj->text_sec = obj->maps_sec = obj->btf_sec = obj->btf_ext_sec = obj->license_sec = -1;
	err = check_header(obj, e);
	if (err)
		return err;
	if (elf_version(EV_CURRENT) == EV_NONE)
		return obj_fail(e, "libelf: %s", elf_errmsg(-1));
	obj->elf = elf_memory((char *)obj->image, obj->size);
	if (!obj->elf || elf_kind(obj->elf) != ELF_K_ELF)
		return obj_fail(e, "not a valid ELF file: %s", elf_errmsg(-1));
	if (!gelf_getehdr(obj->elf, &eh))
		return obj_fail(e, "corrupt ELF header: %s", elf_errmsg(-1));
	if (eh.e_machine != EM_BPF)
		return obj_fail(e, "not a BPF object (e_machine %u, expected %u)", eh.e_machine, EM_BPF);
	if (eh.e_type != ET_REL)
		return obj_fail(e, "not a relocatable object (e_type %u); BPF objects are ET_REL",
				eh.e_type);
	if (eh.e_shoff == 0 || eh.e_shoff > obj->size)
		return obj_fail(e, "section header table offset 0x%llx is outside the file",
				(unsigned long long)eh.e_shoff);
	if (eh.e_shentsize != sizeof(Elf64_Shdr))
		return obj_fail(e, "section header size %u, expected %zu", eh.e_shentsize,
				sizeof(Elf64_Shdr));
	/* e_shnum may be 0 with the real count in section 0 (extended
	 * numbering); libelf resolves it, we check the table fits. */
	{
		size_t shnum;

		if (elf_getshdrnum(obj->elf, &shnum))
			return obj_fail(e, "corrupt section header table: %s", elf_errmsg(-1));
		if (shnum > (obj->size - eh.e_shoff) / sizeof(Elf64_Shdr))
			return obj_fail(e, "section header table (%zu entries at 0x%llx) extends past the end of the file",
					shnum, (unsigned long long)eh.e_shoff);
	}
	symtab = load_sections(obj, e);
	if (symtab < 0)
		return symtab;
	err = load_symbols(obj, symtab, e);
	if (err)
		return err;
	err = load_relocations(obj, symtab, e);
	if (err)
		return err;
	return load_license(obj, e);
}

void obj_elf_free(struct bvf_object *obj)
{
	if (obj->secs)
		for (size_t i = 0; i < obj->nr_secs; i++)
			free(obj->secs[i].rels);
	free(obj->secs);
	free(obj->syms);
	free((char *)obj->license);
	if (obj->elf)
		elf_end(obj->elf);
}
