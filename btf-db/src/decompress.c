/* decompress.c — the compressions kernel images and modules come in,
 * recognised by their magic: zstd, gzip, xz, lzma (alone) and lz4 legacy
 * frames. Each decoder is the format's own library (libzstd, zlib,
 * liblzma, liblz4); this file only feeds them and bounds the output. The
 * kernel's compressed payloads may carry trailing bytes (the
 * uncompressed size, padding): decoders stop at their stream's end. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <lz4.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>

#include "bvdb_internal.h"

#define LZ4_LEGACY_MAGIC  0x184c2102u
#define LZ4_LEGACY_BLOCK  (8u << 20)   /* legacy frames decompress to at most 8 MiB a block */

/* A growing output buffer, never beyond max. */
struct outbuf {
	uint8_t *p;
	size_t len, cap, max;
};

static int out_reserve(struct outbuf *o, size_t more)
{
	size_t need, cap;
	uint8_t *np;

	if (more > o->max || o->len > o->max - more)
		return -EFBIG;
	need = o->len + more;
	if (need <= o->cap)
		return 0;
	cap = o->cap ? o->cap : (1u << 20);
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if (cap > o->max)
		cap = o->max;
	np = realloc(o->p, cap ? cap : 1);
	if (!np)
		return -ENOMEM;
	o->p = np;
	o->cap = cap;
	return 0;
}

/* Room for at least `chunk` more bytes (less near max); -EFBIG at max. */
static int out_room(struct outbuf *o, size_t chunk)
{
	if (o->len >= o->max)
		return -EFBIG;
	if (chunk > o->max - o->len)
		chunk = o->max - o->len;
	return out_reserve(o, chunk);
}

static int unzstd(const uint8_t *in, size_t len, struct outbuf *o)
{
	ZSTD_DStream *ds = ZSTD_createDStream();
	ZSTD_inBuffer ib = { in, len, 0 };
	size_t r = 1;
	int e = 0;

	if (!ds)
		return -ENOMEM;
	while (r != 0) {
		ZSTD_outBuffer ob;

		if ((e = out_room(o, 4u << 20)))
			break;
		ob = (ZSTD_outBuffer){ o->p + o->len, o->cap - o->len, 0 };
		r = ZSTD_decompressStream(ds, &ob, &ib);
		o->len += ob.pos;
		if (ZSTD_isError(r)) {
			e = -EINVAL;
			break;
		}
		if (r != 0 && ib.pos == ib.size && ob.pos < ob.size) {
			e = -EINVAL;      /* input ends inside the frame */
			break;
		}
	}
	ZSTD_freeDStream(ds);
	return e;
}

static int ungzip(const uint8_t *in, size_t len, struct outbuf *o)
{
	z_stream zs;
	int r = Z_OK, e = 0;

	memset(&zs, 0, sizeof(zs));
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
		return -ENOMEM;
	zs.next_in = (Bytef *)in;
	while (r != Z_STREAM_END) {
		size_t avail_in = len - (size_t)((const uint8_t *)zs.next_in - in);

		if ((e = out_room(o, 4u << 20)))
			break;
		zs.avail_in = avail_in > UINT32_MAX ? UINT32_MAX : (uInt)avail_in;
		zs.next_out = o->p + o->len;
		zs.avail_out = (uInt)(o->cap - o->len > UINT32_MAX ? UINT32_MAX : o->cap - o->len);
		{
			uInt before = zs.avail_out;

			r = inflate(&zs, Z_NO_FLUSH);
			o->len += before - zs.avail_out;
		}
		if (r != Z_OK && r != Z_STREAM_END) {
			e = -EINVAL;      /* corrupt, or truncated (Z_BUF_ERROR) */
			break;
		}
	}
	inflateEnd(&zs);
	return e;
}

static int unxz(const uint8_t *in, size_t len, struct outbuf *o, bool alone)
{
	lzma_stream ls = LZMA_STREAM_INIT;
	lzma_ret r;
	int e = 0;

	r = alone ? lzma_alone_decoder(&ls, UINT64_MAX) : lzma_stream_decoder(&ls, UINT64_MAX, 0);
	if (r != LZMA_OK)
		return -ENOMEM;
	ls.next_in = in;
	ls.avail_in = len;
	for (;;) {
		if ((e = out_room(o, 4u << 20)))
			break;
		ls.next_out = o->p + o->len;
		ls.avail_out = o->cap - o->len;
		r = lzma_code(&ls, LZMA_FINISH);
		o->len = (size_t)(ls.next_out - o->p);
		if (r == LZMA_STREAM_END)
			break;
		if (r != LZMA_OK) {
			e = r == LZMA_MEM_ERROR ? -ENOMEM : -EINVAL;
			break;
		}
	}
	lzma_end(&ls);
	return e;
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* lz4 legacy: magic, then blocks of (le32 compressed size, data), each
 * decompressing to at most 8 MiB; a new magic may start another stream.
 * The stream ends where no block fits (the kernel appends the
 * uncompressed size as a last le32). */
static int unlz4(const uint8_t *in, size_t len, struct outbuf *o)
{
	size_t pos = 4, room;
	int blocks = 0, e;

	while (len - pos >= 4) {
		uint32_t csz = le32(in + pos);
		int got;

		if (csz == LZ4_LEGACY_MAGIC) {
			pos += 4;
			continue;
		}
		if (csz == 0 || csz > len - pos - 4 || csz > LZ4_compressBound(LZ4_LEGACY_BLOCK))
			break;
		pos += 4;
		room = o->max - o->len < LZ4_LEGACY_BLOCK ? o->max - o->len : LZ4_LEGACY_BLOCK;
		if (room == 0)
			return -EFBIG;
		if ((e = out_reserve(o, room)))
			return e;
		got = LZ4_decompress_safe((const char *)in + pos, (char *)o->p + o->len, (int)csz,
					  (int)room);
		if (got < 0)   /* past the limit, or corrupt */
			return room < LZ4_LEGACY_BLOCK ? -EFBIG : -EINVAL;
		o->len += (size_t)got;
		pos += csz;
		blocks++;
	}
	return blocks ? 0 : -EINVAL;
}

int bvdb_decompress(const void *data, size_t len, size_t max, void **out, size_t *out_len,
		    const char *what, char *err, size_t errsz)
{
	const uint8_t *p = data;
	struct outbuf o = { .max = max };
	const char *fmt;
	int e;

	*out = NULL;
	*out_len = 0;
	if (len >= 4 && memcmp(p, "\x28\xb5\x2f\xfd", 4) == 0) {
		fmt = "zstd";
		e = unzstd(p, len, &o);
	} else if (len >= 2 && p[0] == 0x1f && (p[1] == 0x8b || p[1] == 0x9e)) {
		fmt = "gzip";
		e = ungzip(p, len, &o);
	} else if (len >= 6 && memcmp(p, "\xfd" "7zXZ\0", 6) == 0) {
		fmt = "xz";
		e = unxz(p, len, &o, false);
	} else if (len >= 3 && p[0] == 0x5d && p[1] == 0 && p[2] == 0) {
		fmt = "lzma";
		e = unxz(p, len, &o, true);
	} else if (len >= 4 && le32(p) == LZ4_LEGACY_MAGIC) {
		fmt = "lz4";
		e = unlz4(p, len, &o);
	} else {
		bvdb_set_err(err, errsz, "%s: unknown compression (magic %02x %02x %02x %02x; "
			     "known: zstd, gzip, xz, lzma, lz4)", what,
			     len > 0 ? p[0] : 0, len > 1 ? p[1] : 0, len > 2 ? p[2] : 0,
			     len > 3 ? p[3] : 0);
		return -EINVAL;
	}
	if (e) {
		free(o.p);
		if (e == -EFBIG)
			bvdb_set_err(err, errsz, "%s: %s data decompresses to more than %zu bytes",
				     what, fmt, max);
		else if (e == -ENOMEM)
			bvdb_set_err(err, errsz, "%s: out of memory", what);
		else
			bvdb_set_err(err, errsz, "%s: corrupt or truncated %s data", what, fmt);
		return e;
	}
	*out = o.p ? o.p : malloc(1);
	*out_len = o.len;
	return *out ? 0 : -ENOMEM;
}
