/* bpfverify/bvdb.h — btf-db: the kernel profiles bpfverify verifies for.
 *
 * A profile is a folder DB/NAME/ (docs/btf-db.md): profile.json (written
 * by the importer: release, LINUX_KERNEL_VERSION, source, files),
 * vmlinux.btf.zst (the kernel's raw BTF), optional config.zst, symbols.zst
 * and modules/MOD.btf.zst, and facts.json (hand-written).
 *
 * Conventions (libbpf's): opaque handles; int-returning calls give 0 or a
 * negative errno, pointer-returning calls NULL with errno set; every call
 * that can fail takes err[errsz] and writes a message with its context
 * ("profile '6.1': vmlinux.btf.zst: corrupt zstd data"). No global state.
 */
#ifndef BPFVERIFY_BVDB_H
#define BPFVERIFY_BVDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct btf;
struct btf_type;

/* ---- profiles ---- */

struct bvdb_profile;

/* Opens the profile in folder DIR (reads profile.json and facts.json; the
 * BTF is read only by bvdb_profile__load_btf). A missing profile.json is
 * ENOENT; a broken one EINVAL; a missing or broken facts.json EINVAL with
 * a message naming it. */
struct bvdb_profile *bvdb_profile__open(const char *dir, char *err, size_t errsz);
void bvdb_profile__close(struct bvdb_profile *p);

const char *bvdb_profile__name(const struct bvdb_profile *p);      /* folder name */
const char *bvdb_profile__dir(const struct bvdb_profile *p);
const char *bvdb_profile__release(const struct bvdb_profile *p);   /* uname -r */
/* LINUX_KERNEL_VERSION as libbpf derives it from the release:
 * KERNEL_VERSION(a, b, min(c, 255)). */
uint32_t bvdb_profile__kernel_version(const struct bvdb_profile *p);
/* "deb", "host", "file", or "" when profile.json does not say. */
const char *bvdb_profile__source_kind(const struct bvdb_profile *p);
/* One line for people: "deb linux-image-6.1.0-50-cloud-amd64-unsigned 6.1.176-1". */
const char *bvdb_profile__source_text(const struct bvdb_profile *p);
/* The names of facts.json "features", in file order (not checked here:
 * the facade knows the behaviours). */
size_t bvdb_profile__feature_cnt(const struct bvdb_profile *p);
const char *bvdb_profile__feature(const struct bvdb_profile *p, size_t i);

/* Decompresses FILE.zst of the profile ("config", "symbols": at most max
 * bytes); malloc'ed, *len bytes (not NUL-terminated). NULL with a message (errno
 * ENOENT when the profile has no such file). */
void *bvdb_profile__read_file(const struct bvdb_profile *p, const char *file, size_t max,
			      size_t *len, char *err, size_t errsz);
/* Decompresses and parses vmlinux.btf.zst; the caller frees the BTF. */
struct btf *bvdb_profile__load_btf(const struct bvdb_profile *p, char *err, size_t errsz);
/* The name index of `btf` (what bvdb_profile__load_btf returned): from the
 * profile's cache when it is there and sound, else built and cached. Free
 * with bvdb_names__free, before the BTF. */
struct bvdb_names;
struct bvdb_names *bvdb_profile__names(const struct bvdb_profile *p, const struct btf *btf);
/* The profile's BTF read in place (struct bvdb_btf below), without
 * libbpf's copy and index of every type: the raw cache entry mapped with
 * its type-offset table (SHA256-SIZE.types, built and cached on first
 * use); without the cache, the decompressed bytes. Free with
 * bvdb_btf__free. */
struct bvdb_btf;
struct bvdb_btf *bvdb_profile__load_view(const struct bvdb_profile *p, char *err, size_t errsz);
/* Removes the profile's cache entry (raw BTF, offsets, name index): for a
 * caller that found it damaged; the next load decompresses anew. */
void bvdb_profile__drop_cache(const struct bvdb_profile *p);
/* The name index of the view (what bvdb_profile__load_view returned),
 * cached like bvdb_profile__names; free it before the view. */
struct bvdb_names *bvdb_profile__names_view(const struct bvdb_profile *p,
					    const struct bvdb_btf *v);
/* modules/MOD.btf.zst as split BTF on top of `base` (the profile's BTF). */
struct btf *bvdb_profile__load_module_btf(const struct bvdb_profile *p, const char *module,
					  const struct btf *base, char *err, size_t errsz);
/* Every profile of DB (each a bvdb_profile__open of DB/NAME; unreadable
 * ones are skipped), newest release first, equal ones by name. The caller
 * frees with bvdb_profiles__free. */
int bvdb_profiles__list(const char *db, struct bvdb_profile ***out, size_t *cnt);
void bvdb_profiles__free(struct bvdb_profile **v, size_t cnt);

/* "6.1.0-50-cloud-amd64" → KERNEL_VERSION(6, 1, 0) as libbpf derives
 * LINUX_KERNEL_VERSION (patch clamped to 255); 0 when unparsable. */
uint32_t bvdb_release_version(const char *release);

/* The profiles folder: $BPFVERIFY_DB when set; else, for an installed
 * bpfverify, share/bpfverify/profiles of the prefix the calling binary (the
 * plugin or an executable) was loaded from; else BUILT_IN (the build
 * tree's). The result is computed once and never freed. */
const char *bvdb_default_dir(const char *built_in);

/* ---- a BTF read in place ---- */

/* A raw BTF (this machine's byte order) read where it lies: the header is
 * checked here, the type records are indexed by one walk (no copy), and
 * each type's extent is checked when it is asked for. `data` must stay
 * valid and 4-byte aligned while the view lives. NULL with a message on a
 * malformed BTF. */
struct bvdb_btf *bvdb_btf__new(const void *data, size_t size, char *err, size_t errsz);
void bvdb_btf__free(struct bvdb_btf *v);
/* As libbpf's btf__type_cnt, btf__type_by_id (NULL out of range or for a
 * record that does not fit), btf__str_by_offset and btf__resolve_size. */
uint32_t bvdb_btf__type_cnt(const struct bvdb_btf *v);
const struct btf_type *bvdb_btf__type_by_id(const struct bvdb_btf *v, uint32_t id);
const char *bvdb_btf__str(const struct bvdb_btf *v, uint32_t off);
int64_t bvdb_btf__resolve_size(const struct bvdb_btf *v, uint32_t id);
/* Size of a pointer: libbpf's rule for a BTF without a base ("long"'s). */
int bvdb_btf__ptr_size(const struct bvdb_btf *v);
/* The raw bytes (for btf__new, when libbpf's struct btf is needed). */
const void *bvdb_btf__raw(const struct bvdb_btf *v, size_t *size);

/* ---- the name index (CO-RE candidate search) ---- */

/* Every named type of a BTF whose kind bvdb_names__kind_indexed accepts,
 * grouped by essential name (the name without a "___flavor" suffix), ids
 * ascending within a group. Built in one pass over the types; valid while
 * `btf` lives. */
struct bvdb_names;

struct bvdb_names *bvdb_names__new(const struct btf *btf);
struct bvdb_names *bvdb_names__new_view(const struct bvdb_btf *btf);
void bvdb_names__free(struct bvdb_names *ix);
/* Ids of the types whose essential name is name[0..len) (itself an
 * essential name), ascending; the count, 0 when none. */
size_t bvdb_names__find(const struct bvdb_names *ix, const char *name, size_t len,
			const uint32_t **ids);
/* False for the kinds the index leaves out (BTF_KIND_FUNC, _VAR, _DATASEC,
 * _DECL_TAG): candidates of those kinds are found by scanning. */
bool bvdb_names__kind_indexed(int kind);
/* Length of `name` without its "___flavor" suffix: the last "___" with a
 * non-underscore on both sides starts the flavor ("task_struct___v2" → 11). */
size_t bvdb_essential_len(const char *name);

/* ---- import (library bvdb_import: decompressors, libarchive, libcrypto) ---- */

struct bvdb_import_opts {
	size_t sz;                  /* sizeof(struct bvdb_import_opts) */
	const char *db;             /* profiles folder (required) */
	const char *name;           /* profile name; default: "MAJOR.MINOR" of the release */
	const char *release;        /* required for a raw BTF file, else read from the source */
	const char *const *modules; /* modules whose BTF to keep; NULL: {"nf_conntrack"} */
	size_t nr_modules;
};

/* Imports SOURCE into DB/NAME: "host" or /sys/kernel/btf/vmlinux (the
 * running kernel), a raw BTF file, a vmlinux ELF, a compressed bzImage
 * (vmlinuz) or a Debian kernel package (.deb). Writes profile.json,
 * vmlinux.btf.zst and what the source has of config.zst, symbols.zst and
 * modules/; creates a facts.json template only when there is none. The
 * same source gives the same bytes. The profile's name is written to
 * name_out[name_outsz] when not NULL. */
int bvdb_import(const char *source, const struct bvdb_import_opts *opts,
		char *name_out, size_t name_outsz, char *err, size_t errsz);

#endif
