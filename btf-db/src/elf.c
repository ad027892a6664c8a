/* elf.c — sections of a vmlinux or module ELF image in memory, through
 * libelf (which checks section bounds against the image): the .BTF a
 * profile keeps, __ksymtab_strings, and the release from the kernel's
 * "Linux version " banner. */
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>

#include "bvdb_internal.h"

int bvdb_elf_section(const void *img, size_t len, const char *sec, void **data, size_t *size,
		     char *err, size_t errsz)
{
	Elf *elf;
	Elf_Scn *scn = NULL;
	size_t shstrndx;
	int e = -ENOENT;

	*data = NULL;
	*size = 0;
	if (elf_version(EV_CURRENT) == EV_NONE) {
		bvdb_set_err(err, errsz, "libelf: %s", elf_errmsg(-1));
		return -EINVAL;
	}
	if (len < 4 || memcmp(img, "\x7f" "ELF", 4) != 0) {
		bvdb_set_err(err, errsz, "not an ELF file");
		return -EINVAL;
	}
	elf = elf_memory((char *)img, len);
	if (!elf || elf_kind(elf) != ELF_K_ELF || elf_getshdrstrndx(elf, &shstrndx) != 0) {
		bvdb_set_err(err, errsz, "corrupt ELF: %s", elf_errmsg(-1));
		if (elf)
			elf_end(elf);
		return -EINVAL;
	}
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		const char *name;
		Elf_Data *d;

		if (!gelf_getshdr(scn, &sh))
			continue;
		name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (!name || strcmp(name, sec) != 0)
			continue;
		if (sh.sh_type == SHT_NOBITS || sh.sh_offset > len || sh.sh_size > len - sh.sh_offset) {
			bvdb_set_err(err, errsz, "corrupt ELF: section %s (offset %llu, size %llu) "
				     "lies outside the %zu-byte file", sec,
				     (unsigned long long)sh.sh_offset,
				     (unsigned long long)sh.sh_size, len);
			e = -EINVAL;
			break;
		}
		d = elf_rawdata(scn, NULL);
		if (!d || d->d_size != sh.sh_size) {
			bvdb_set_err(err, errsz, "corrupt ELF: section %s: %s", sec, elf_errmsg(-1));
			e = -EINVAL;
			break;
		}
		*data = malloc(d->d_size ? d->d_size : 1);
		if (!*data) {
			bvdb_set_err(err, errsz, "section %s: out of memory", sec);
			e = -ENOMEM;
			break;
		}
		if (d->d_size)
			memcpy(*data, d->d_buf, d->d_size);
		*size = d->d_size;
		e = 0;
		break;
	}
	elf_end(elf);
	if (e == -ENOENT)
		bvdb_set_err(err, errsz, "the ELF has no %s section", sec);
	return e;
}

int bvdb_elf_release(const void *img, size_t len, char *rel, size_t relsz)
{
	static const char banner[] = "Linux version ";
	const char *p = img, *end = p + len;

	while ((p = memmem(p, (size_t)(end - p), banner, sizeof(banner) - 1))) {
		const char *s = p + sizeof(banner) - 1;
		size_t i = 0;

		while (s + i < end && i + 1 < relsz && s[i] > 0x20 && s[i] < 0x7f)
			i++;
		/* the banner is "Linux version REL (builder) ..."; printk
		 * formats ("%s") elsewhere are not it */
		if (i && s + i < end && s[i] == ' ' && s[0] >= '0' && s[0] <= '9') {
			memcpy(rel, s, i);
			rel[i] = '\0';
			return 0;
		}
		p = s;
	}
	return -ENOENT;
}
