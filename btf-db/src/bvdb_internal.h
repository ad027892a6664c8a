/* bvdb_internal.h — what the files of btf-db share: messages, whole-file
 * I/O, zstd, sha256 (util.c), decompression by magic (decompress.c), the
 * bzImage payload (vmlinuz.c), ELF sections (elf.c), Debian packages
 * (deb.c). Not installed; the unit tests include it. */
#ifndef BVDB_INTERNAL_H
#define BVDB_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "bpfverify/bvdb.h"

#define BVDB_EXPORT __attribute__((visibility("default")))

/* Limits against absurd inputs: no kernel file comes near them. */
#define BVDB_JSON_MAX    (1u << 20)     /* profile.json, facts.json */
#define BVDB_BTF_MAX     (256u << 20)   /* a raw BTF */
#define BVDB_IMAGE_MAX   (1024u << 20)  /* a vmlinux ELF, a decompressed payload */
#define BVDB_ZSTD_LEVEL  19             /* fixed: the same input gives the same bytes */

void bvdb_set_err(char *err, size_t errsz, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Whole file, NUL-terminated (not counted in *len); NULL with errno set and
 * "PATH: reason" in err. Larger than max: EFBIG. */
void *bvdb_read_file(const char *path, size_t max, size_t *len, char *err, size_t errsz);
/* The file mapped read-only (munmap with *len); NULL when missing, empty,
 * shorter than min or not exact bytes (exact 0: any). */
void *bvdb_map_file(const char *path, size_t min, uint64_t exact, size_t *len);
/* The same, with the file's fstat (for the stamps below). */
struct stat;
void *bvdb_map_file_st(const char *path, size_t min, uint64_t exact, size_t *len,
		       struct stat *st);
/* Stamps (PATH.ok): a cache file that passed its full check once is not
 * walked again by the next process while it is the same file (inode,
 * size, mtime and ctime: any write or replacement changes them). `magic`
 * names the check. Readers still bound what they read entry by entry, so a
 * file damaged behind its stamp (a media error) gives wrong answers at
 * worst, never a read out of bounds. Writing is best effort. */
bool bvdb_stamp_ok(const char *path, const struct stat *st, const char magic[8]);
void bvdb_stamp_write(const char *path, const struct stat *st, const char magic[8]);
/* Writes through PATH.tmp and a rename; creates no folders. */
int bvdb_write_file(const char *path, const void *data, size_t len, char *err, size_t errsz);

/* One zstd frame at BVDB_ZSTD_LEVEL, content size and checksum in the
 * frame, single-threaded: deterministic. NULL with errno set. */
void *bvdb_zstd_pack(const void *data, size_t len, size_t *out_len, char *err, size_t errsz);
/* A zstd frame that states its content size (at most max). `what` names
 * the input in messages. */
void *bvdb_zstd_unpack(const void *data, size_t len, size_t max, size_t *out_len,
		       const char *what, char *err, size_t errsz);
void *bvdb_zstd_unpack_file(const char *path, size_t max, size_t *out_len,
			    char *err, size_t errsz);

/* Split BTF on top of base from memory; NULL with errno set. */
struct btf *bvdb_btf_new_split(const void *data, size_t len, const struct btf *base);

/* The name index as a file (names.c has the layout): save writes it
 * (-errno), load maps it back for `btf` and checks it (NULL when it is
 * missing, stale or damaged). */
int bvdb_names__save(const struct bvdb_names *ix, const char *path);
struct bvdb_names *bvdb_names__load(const char *path, const struct bvdb_btf *btf);
/* btf_view.c: the view's offset table in the cache (SHA256-SIZE.types);
 * a view whose raw bytes it now owns (free with `owned`, or munmap). */
/* names.c: a view of a libbpf BTF's raw bytes; an index taking over the
 * view it was made on (freed with it). */
struct bvdb_btf *bvdb_btf_view_of_libbpf(const struct btf *btf);
void bvdb_names_own_view(struct bvdb_names *ix, struct bvdb_btf *v);
int bvdb_btf_save_offsets(const struct bvdb_btf *v, const char *path);
struct bvdb_btf *bvdb_btf_load_offsets(const void *data, size_t size, const char *path);
void bvdb_btf_take_data(struct bvdb_btf *v, void *owned, void *map, size_t map_len);

/* Lower-case hex SHA-256 (65 bytes with the NUL). */
void bvdb_sha256(const void *data, size_t len, char hex[65]);
int bvdb_sha256_file(const char *path, char hex[65], char *err, size_t errsz);

/* Decompresses data by its magic: zstd, gzip, xz, lzma (alone), lz4
 * legacy frames (the kernel's). At most max bytes out. -EINVAL for an
 * unknown format or corrupt data, -EFBIG beyond max. */
int bvdb_decompress(const void *data, size_t len, size_t max, void **out, size_t *out_len,
		    const char *what, char *err, size_t errsz);

/* The compressed payload of an x86 bzImage: after the setup sectors
 * ((byte 0x1f1 + 1) * 512), at payload_offset (u32 0x248), payload_length
 * (u32 0x24c) long; checked against the image. */
int bvdb_vmlinuz_payload(const void *img, size_t len, const uint8_t **payload, size_t *plen,
			 char *err, size_t errsz);
/* The vmlinux ELF inside a bzImage (decompressed, caller frees). */
int bvdb_vmlinuz_elf(const void *img, size_t len, void **elf, size_t *elf_len,
		     char *err, size_t errsz);
/* The release the bzImage header names (kernel_version string), or -ENOENT. */
int bvdb_vmlinuz_release(const void *img, size_t len, char *rel, size_t relsz);
/* True when img looks like a bzImage ("HdrS" at 0x202). */
int bvdb_is_bzimage(const void *img, size_t len);

/* A copy of section `sec` of an ELF image; -ENOENT when it has none. */
int bvdb_elf_section(const void *elf, size_t len, const char *sec, void **data, size_t *size,
		     char *err, size_t errsz);
/* The release from the "Linux version REL " banner of a vmlinux, or -ENOENT. */
int bvdb_elf_release(const void *elf, size_t len, char *rel, size_t relsz);

/* What the importer takes from a Debian kernel package. */
struct bvdb_deb_module {
	char name[64];
	void *data;              /* the .ko, decompressed */
	size_t len;
};

struct bvdb_deb {
	char package[128];
	char version[128];
	char sha256[65];
	char release[128];       /* from boot/vmlinuz-REL */
	void *vmlinuz;
	size_t vmlinuz_len;
	void *config;            /* boot/config-REL, NULL when absent */
	size_t config_len;
	struct bvdb_deb_module *mods;
	size_t nr_mods;
};

int bvdb_deb_read(const char *path, const char *const *modules, size_t nr_modules,
		  struct bvdb_deb *out, char *err, size_t errsz);
void bvdb_deb_free(struct bvdb_deb *d);

#endif
