/* vmlinuz.c — the vmlinux inside an x86 bzImage. Facts of the boot
 * protocol (Documentation/arch/x86/boot.rst): "HdrS" at 0x202, the setup
 * sectors count at 0x1f1 (0 meaning 4), protocol version at 0x206 (the
 * payload fields need 2.08), the kernel_version string pointer at 0x20e
 * (+0x200), payload_offset at 0x248 and payload_length at 0x24c, the
 * payload relative to the protected-mode code after the setup sectors. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bvdb_internal.h"

#define HDR_END 0x250

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int bvdb_is_bzimage(const void *img, size_t len)
{
	return len >= HDR_END && memcmp((const uint8_t *)img + 0x202, "HdrS", 4) == 0;
}

int bvdb_vmlinuz_payload(const void *img, size_t len, const uint8_t **payload, size_t *plen,
			 char *err, size_t errsz)
{
	const uint8_t *p = img;
	size_t setup, off, n;
	unsigned sects;

	if (!bvdb_is_bzimage(img, len)) {
		bvdb_set_err(err, errsz, "not a bzImage (no \"HdrS\" boot header)");
		return -EINVAL;
	}
	if (le16(p + 0x206) < 0x208) {
		bvdb_set_err(err, errsz, "bzImage boot protocol %u.%02u predates the payload fields "
			     "(2.08)", p[0x207], p[0x206]);
		return -EINVAL;
	}
	sects = p[0x1f1] ? p[0x1f1] : 4;
	setup = ((size_t)sects + 1) * 512;
	off = le32(p + 0x248);
	n = le32(p + 0x24c);
	if (setup > len || off > len - setup || n > len - setup - off || n < 4) {
		bvdb_set_err(err, errsz, "bzImage payload (offset %zu + %zu, length %zu) lies "
			     "outside the %zu-byte image", setup, off, n, len);
		return -EINVAL;
	}
	*payload = p + setup + off;
	*plen = n;
	return 0;
}

int bvdb_vmlinuz_elf(const void *img, size_t len, void **elf, size_t *elf_len,
		     char *err, size_t errsz)
{
	const uint8_t *payload;
	char derr[300];
	size_t plen;
	int e;

	*elf = NULL;
	e = bvdb_vmlinuz_payload(img, len, &payload, &plen, err, errsz);
	if (e)
		return e;
	e = bvdb_decompress(payload, plen, BVDB_IMAGE_MAX, elf, elf_len, "bzImage payload",
			    derr, sizeof(derr));
	if (e) {
		bvdb_set_err(err, errsz, "%s", derr);
		return e;
	}
	if (*elf_len < 4 || memcmp(*elf, "\x7f" "ELF", 4) != 0) {
		bvdb_set_err(err, errsz, "bzImage payload: decompressed data is not an ELF");
		free(*elf);
		*elf = NULL;
		return -EINVAL;
	}
	return 0;
}

int bvdb_vmlinuz_release(const void *img, size_t len, char *rel, size_t relsz)
{
	const uint8_t *p = img;
	size_t off, i;

	if (!bvdb_is_bzimage(img, len) || relsz == 0)
		return -ENOENT;
	off = (size_t)le16(p + 0x20e) + 0x200;
	if (le16(p + 0x20e) == 0 || off >= len)
		return -ENOENT;
	for (i = 0; off + i < len && i + 1 < relsz; i++) {
		char c = (char)p[off + i];

		if (c == ' ' || c == '\0')
			break;
		if (c < 0x21 || c > 0x7e)
			return -ENOENT;
		rel[i] = c;
	}
	rel[i] = '\0';
	return i ? 0 : -ENOENT;
}
