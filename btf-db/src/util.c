/* util.c — messages, whole-file I/O, deterministic zstd and split BTF
 * from memory for the rest of btf-db. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <zstd.h>

#include "bvdb_internal.h"

void bvdb_set_err(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errsz)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

void *bvdb_read_file(const char *path, size_t max, size_t *len, char *err, size_t errsz)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;
	int e = 0;

	if (!f) {
		e = errno;
		bvdb_set_err(err, errsz, "%s: %s", path, strerror(e));
		errno = e;
		return NULL;
	}
	for (;;) {
		size_t got;

		if (n + 1 >= cap) {
			char *nb;

			if (cap > max) {
				e = EFBIG;
				bvdb_set_err(err, errsz, "%s: larger than %zu bytes", path, max);
				break;
			}
			cap = cap ? cap * 2 : 65536;
			if (cap > max + 2)
				cap = max + 2;
			nb = realloc(buf, cap);
			if (!nb) {
				e = ENOMEM;
				bvdb_set_err(err, errsz, "%s: out of memory", path);
				break;
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (!e && ferror(f)) {
		e = EIO;
		bvdb_set_err(err, errsz, "%s: read error", path);
	}
	fclose(f);
	if (!e && !buf && !(buf = malloc(1))) {
		e = ENOMEM;
		bvdb_set_err(err, errsz, "%s: out of memory", path);
	}
	if (e) {
		free(buf);
		errno = e;
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}

int bvdb_write_file(const char *path, const void *data, size_t len, char *err, size_t errsz)
{
	char tmp[PATH_MAX + sizeof(".tmp.XXXXXX")];
	FILE *f = NULL;
	int fd, e = 0;

	/* a temp name of its own: concurrent writers (two compilations filling
	 * the cache) never write into each other's file */
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp.XXXXXX", path) >= sizeof(tmp)) {
		bvdb_set_err(err, errsz, "%s: path too long", path);
		return -ENAMETOOLONG;
	}
	fd = mkstemp(tmp);
	if (fd < 0 || !(f = fdopen(fd, "wb"))) {
		e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		bvdb_set_err(err, errsz, "%s: %s", path, strerror(e));
		return -e;
	}
	if (len && fwrite(data, 1, len, f) != len)
		e = errno ? errno : EIO;
	if (fchmod(fd, 0644) != 0 && !e)
		e = errno;
	if (fclose(f) != 0 && !e)
		e = errno ? errno : EIO;
	if (!e && rename(tmp, path) != 0)
		e = errno;
	if (e) {
		unlink(tmp);
		bvdb_set_err(err, errsz, "%s: %s", path, strerror(e));
		return -e;
	}
	return 0;
}

void *bvdb_zstd_pack(const void *data, size_t len, size_t *out_len, char *err, size_t errsz)
{
	size_t cap = ZSTD_compressBound(len), got;
	ZSTD_CCtx *cc = ZSTD_createCCtx();
	void *out = malloc(cap ? cap : 1);

	if (!cc || !out) {
		ZSTD_freeCCtx(cc);
		free(out);
		bvdb_set_err(err, errsz, "zstd: out of memory");
		errno = ENOMEM;
		return NULL;
	}
	ZSTD_CCtx_setParameter(cc, ZSTD_c_compressionLevel, BVDB_ZSTD_LEVEL);
	ZSTD_CCtx_setParameter(cc, ZSTD_c_contentSizeFlag, 1);
	ZSTD_CCtx_setParameter(cc, ZSTD_c_checksumFlag, 1);
	ZSTD_CCtx_setParameter(cc, ZSTD_c_nbWorkers, 0);
	got = ZSTD_compress2(cc, out, cap, data, len);
	ZSTD_freeCCtx(cc);
	if (ZSTD_isError(got)) {
		free(out);
		bvdb_set_err(err, errsz, "zstd: %s", ZSTD_getErrorName(got));
		errno = EIO;
		return NULL;
	}
	*out_len = got;
	return out;
}

void *bvdb_zstd_unpack(const void *data, size_t len, size_t max, size_t *out_len,
		       const char *what, char *err, size_t errsz)
{
	unsigned long long raw = ZSTD_getFrameContentSize(data, len);
	size_t got;
	void *out;

	if (raw == ZSTD_CONTENTSIZE_ERROR || raw == ZSTD_CONTENTSIZE_UNKNOWN) {
		bvdb_set_err(err, errsz, "%s: not a zstd frame with a known size", what);
		errno = EINVAL;
		return NULL;
	}
	if (raw > max) {
		bvdb_set_err(err, errsz, "%s: zstd frame claims %llu bytes (more than %zu)",
			     what, raw, max);
		errno = EFBIG;
		return NULL;
	}
	out = malloc(raw ? raw + 1 : 1);
	if (!out) {
		bvdb_set_err(err, errsz, "%s: out of memory", what);
		errno = ENOMEM;
		return NULL;
	}
	got = ZSTD_decompress(out, raw, data, len);
	if (ZSTD_isError(got) || got != raw) {
		bvdb_set_err(err, errsz, "%s: corrupt zstd data (%s)", what,
			     ZSTD_isError(got) ? ZSTD_getErrorName(got) : "short");
		free(out);
		errno = EINVAL;
		return NULL;
	}
	((char *)out)[got] = '\0';
	*out_len = got;
	return out;
}

/* The compressed file is mapped, not read: one copy (the decompressed
 * bytes) instead of two on the path every verification with CO-RE takes. */
void *bvdb_zstd_unpack_file(const char *path, size_t max, size_t *out_len, char *err, size_t errsz)
{
	struct stat st;
	void *map, *out;
	int fd = open(path, O_RDONLY | O_CLOEXEC), e;

	if (fd < 0 || fstat(fd, &st) != 0) {
		e = errno;
		if (fd >= 0)
			close(fd);
		bvdb_set_err(err, errsz, "%s: %s", path, strerror(e));
		errno = e;
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0 || (uint64_t)st.st_size > max) {
		close(fd);
		bvdb_set_err(err, errsz, "%s: %s", path, !S_ISREG(st.st_mode) ? "not a file" :
			     st.st_size == 0 ? "empty" : "too large");
		errno = EINVAL;
		return NULL;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	e = errno;
	close(fd);
	if (map == MAP_FAILED) {
		bvdb_set_err(err, errsz, "%s: %s", path, strerror(e));
		errno = e;
		return NULL;
	}
	out = bvdb_zstd_unpack(map, (size_t)st.st_size, max, out_len, path, err, errsz);
	e = errno;
	munmap(map, (size_t)st.st_size);
	errno = e;
	return out;
}

/* Split BTF from memory. Debian 12's libbpf (1.1) declares btf__new_split
 * but does not export it; btf__parse_raw_split reads a path, so the bytes
 * go through an anonymous memory file. */
struct btf *bvdb_btf_new_split(const void *data, size_t len, const struct btf *base)
{
	char path[64];
	struct btf *b;
	long e;
	int fd = memfd_create("bvdb-split-btf", MFD_CLOEXEC);

	if (fd < 0)
		return NULL;
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, (const char *)data + off, len - off);

		if (w <= 0) {
			e = errno ? errno : EIO;
			close(fd);
			errno = (int)e;
			return NULL;
		}
		off += (size_t)w;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	b = btf__parse_raw_split(path, (struct btf *)base);
	e = libbpf_get_error(b);
	close(fd);
	if (!b || e) {
		errno = e ? (int)-e : EINVAL;
		return NULL;
	}
	return b;
}

/* The whole of a regular file mapped read-only (cache entries, offset
 * tables, name indexes): NULL when it is missing, empty, shorter than
 * `min`, or not `exact` bytes long (exact 0: any size). */
void *bvdb_map_file_st(const char *path, size_t min, uint64_t exact, size_t *len,
		       struct stat *st)
{
	void *map;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || st->st_size == 0 ||
	    (size_t)st->st_size < min || (exact && (uint64_t)st->st_size != exact)) {
		close(fd);
		return NULL;
	}
	map = mmap(NULL, (size_t)st->st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return NULL;
	*len = (size_t)st->st_size;
	return map;
}

void *bvdb_map_file(const char *path, size_t min, uint64_t exact, size_t *len)
{
	struct stat st;

	return bvdb_map_file_st(path, min, exact, len, &st);
}

/* What a stamp holds: the kind of check the file passed, and the file as
 * fstat saw it then. Any write, truncation or chmod changes its ctime (which
 * no user can set back), a replacement its inode. */
struct stamp {
	char magic[8];
	uint64_t dev, ino, size, mtime_s, mtime_ns, ctime_s, ctime_ns;
};

/* A stamp's name: the file's path and ".ok", in a buffer of this size. */
#define STAMP_PATH_MAX (PATH_MAX + sizeof(".ok"))

static bool stamp_path(const char *path, char *out, size_t size)
{
	return (size_t)snprintf(out, size, "%s.ok", path) < size;
}

static void stamp_of(struct stamp *s, const struct stat *st, const char magic[8])
{
	memset(s, 0, sizeof(*s));
	memcpy(s->magic, magic, sizeof(s->magic));
	s->dev = (uint64_t)st->st_dev;
	s->ino = (uint64_t)st->st_ino;
	s->size = (uint64_t)st->st_size;
	s->mtime_s = (uint64_t)st->st_mtim.tv_sec;
	s->mtime_ns = (uint64_t)st->st_mtim.tv_nsec;
	s->ctime_s = (uint64_t)st->st_ctim.tv_sec;
	s->ctime_ns = (uint64_t)st->st_ctim.tv_nsec;
}

bool bvdb_stamp_ok(const char *path, const struct stat *st, const char magic[8])
{
	struct stamp want, have;
	char sp[STAMP_PATH_MAX];
	ssize_t n;
	int fd;

	if (!stamp_path(path, sp, sizeof(sp)) || (fd = open(sp, O_RDONLY | O_CLOEXEC)) < 0)
		return false;
	n = read(fd, &have, sizeof(have));
	close(fd);
	stamp_of(&want, st, magic);
	return n == (ssize_t)sizeof(have) && memcmp(&want, &have, sizeof(want)) == 0;
}

void bvdb_stamp_write(const char *path, const struct stat *st, const char magic[8])
{
	struct timespec now;
	struct stamp s;
	char sp[STAMP_PATH_MAX];

	/* file times come from a coarse clock (a tick, up to 10 ms): a second
	 * change in the tick of the first keeps the ctime a stamp recorded.
	 * So only a file left alone for a while (100 ms) is stamped: any later
	 * change is in a later tick. */
	if (clock_gettime(CLOCK_REALTIME, &now) != 0 ||
	    (int64_t)(now.tv_sec - st->st_ctim.tv_sec) * 1000000000 +
	    (now.tv_nsec - st->st_ctim.tv_nsec) < 100000000)
		return;
	stamp_of(&s, st, magic);
	if (stamp_path(path, sp, sizeof(sp)))
		bvdb_write_file(sp, &s, sizeof(s), NULL, 0);   /* best effort */
}
