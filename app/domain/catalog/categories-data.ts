/**
 * Lapak's product category taxonomy: 3 levels, products go in a leaf (level 3).
 * Modelled on the way Indonesian marketplaces group products; names are in Bahasa Indonesia.
 *
 * Slugs are derived from the names (`categorySlug`) and must be globally unique
 * (the test checks it). Slugs are stored with products, so once a category is in
 * use, rename it with an explicit slug that keeps the old one:
 * `{ name: "Nama Baru", slug: "slug-lama" }` (leaf) or `["Nama Baru", [...], "slug-lama"]`.
 */

export interface CategoryNode {
  readonly name: string;
  readonly slug: string;
  /** Empty for leaves. */
  readonly children: readonly CategoryNode[];
}

export type CategoryLevel = 1 | 2 | 3;

export interface CategoryRow {
  slug: string;
  name: string;
  parentSlug: string | null;
  level: CategoryLevel;
}

type LeafSpec = string | { readonly name: string; readonly slug: string };
type SubSpec = readonly [name: string, leaves: readonly LeafSpec[], slug?: string];
type TopSpec = readonly [name: string, subs: readonly SubSpec[], slug?: string];

/** Kebab-case ASCII slug: "Gamis Syar'i" → "gamis-syari", "Ibu & Bayi" → "ibu-bayi". */
export function categorySlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const SPEC: readonly TopSpec[] = [
  [
    "Fashion Muslim",
    [
      ["Gamis", ["Gamis Syar'i", "Gamis Polos", "Gamis Motif", "Gamis Set Khimar"]],
      ["Hijab", ["Hijab Segi Empat", "Pashmina", "Hijab Instan", "Ciput & Inner Hijab"]],
      ["Atasan Muslim Wanita", ["Tunik", "Blouse Muslim", "Kemeja Muslim Wanita"]],
      ["Busana Muslim Pria", ["Baju Koko", "Sarung", "Peci & Kopiah", "Jubah Pria"]],
      ["Perlengkapan Ibadah", ["Mukena", "Sajadah", "Tasbih"]],
    ],
  ],
  [
    "Fashion Wanita",
    [
      ["Atasan Wanita", ["Kaos Wanita", "Blouse", "Kemeja Wanita", "Sweater & Cardigan Wanita"]],
      ["Bawahan Wanita", ["Celana Panjang Wanita", "Rok", "Jeans Wanita", "Legging"]],
      ["Dress", ["Dress Casual", "Dress Pesta", "Jumpsuit"]],
      ["Pakaian Dalam Wanita", ["Bra", "Celana Dalam Wanita", "Baju Tidur Wanita"]],
      ["Sepatu Wanita", ["Sneakers Wanita", "Flat Shoes", "Heels", "Sandal Wanita"]],
      ["Tas Wanita", ["Tas Selempang Wanita", "Tas Tangan", "Dompet Wanita", "Ransel Wanita"]],
    ],
  ],
  [
    "Fashion Pria",
    [
      ["Atasan Pria", ["Kaos Pria", "Kemeja Pria", "Polo Shirt", "Jaket Pria", "Hoodie & Sweater Pria"]],
      ["Bawahan Pria", ["Celana Jeans Pria", "Celana Chino", "Celana Pendek Pria", "Celana Jogger"]],
      ["Sepatu Pria", ["Sneakers Pria", "Sepatu Formal Pria", "Sandal Pria", "Sepatu Boots Pria"]],
      ["Aksesoris Pria", ["Dompet Pria", "Ikat Pinggang", "Topi", "Jam Tangan Pria"]],
    ],
  ],
  [
    "Fashion Anak",
    [
      ["Pakaian Anak Laki-laki", ["Kaos Anak Laki-laki", "Celana Anak Laki-laki", "Setelan Anak Laki-laki"]],
      ["Pakaian Anak Perempuan", ["Dress Anak", "Setelan Anak Perempuan", "Rok Anak"]],
      ["Sepatu Anak", ["Sepatu Sekolah", "Sandal Anak", "Sneakers Anak"]],
      ["Seragam Sekolah", ["Seragam SD", "Seragam SMP", "Seragam SMA", "Seragam Pramuka"]],
    ],
  ],
  [
    "Handphone & Tablet",
    [
      ["Handphone", ["Smartphone Android", "iPhone", "Handphone Fitur"]],
      ["Tablet", ["Tablet Android", "iPad", "E-Reader"]],
      [
        "Aksesoris Handphone",
        ["Casing Handphone", "Pelindung Layar", "Charger Handphone", "Kabel Data", "Power Bank", "Holder Handphone"],
      ],
      ["Suku Cadang Handphone", ["LCD Handphone", "Baterai Handphone", "Kamera Handphone"]],
    ],
  ],
  [
    "Komputer & Laptop",
    [
      ["Laptop", ["Laptop Gaming", "Laptop Kantor", "MacBook", "Chromebook"]],
      [
        "Komponen Komputer",
        ["Prosesor", "Motherboard", "RAM", "VGA Card", "SSD", "Power Supply", "Casing PC"],
      ],
      ["Aksesoris Komputer", ["Mouse", "Keyboard", "Headset Gaming", "Webcam", "Mousepad"]],
      ["Printer & Scanner", ["Printer Inkjet", "Printer Thermal", "Tinta & Toner", "Scanner"]],
      ["Penyimpanan Data", ["Flashdisk", "Harddisk Eksternal", "Kartu Memori"]],
    ],
  ],
  [
    "Elektronik",
    [
      ["TV & Aksesoris", ["Smart TV", "Bracket TV", "Set Top Box", "Antena TV"]],
      ["Audio", ["Speaker Bluetooth", "Earphone & TWS", "Headphone", "Soundbar"]],
      ["Kamera", ["Kamera Mirrorless", "Action Camera", "CCTV", "Lensa Kamera"]],
      ["Elektronik Rumah Tangga", ["Kipas Angin", "AC", "Setrika", "Vacuum Cleaner", "Mesin Cuci"]],
    ],
  ],
  [
    "Kecantikan",
    [
      [
        "Perawatan Wajah",
        ["Serum Wajah", "Pelembap Wajah", "Sabun Cuci Muka", "Sunscreen", "Masker Wajah", "Toner Wajah"],
      ],
      ["Makeup", ["Lipstik", "Foundation", "Bedak", "Maskara", "Eyeliner", "Cushion"]],
      ["Perawatan Rambut", ["Sampo", "Kondisioner", "Hair Tonic", "Pewarna Rambut"]],
      ["Perawatan Tubuh", ["Body Lotion", "Sabun Mandi", "Deodoran", "Body Scrub"]],
      ["Parfum", ["Parfum Wanita", "Parfum Pria", "Parfum Unisex"]],
    ],
  ],
  [
    "Kesehatan",
    [
      ["Vitamin & Herbal", ["Vitamin & Suplemen", "Jamu & Herbal", "Minyak Angin & Balsem"]],
      [
        "Alat Kesehatan",
        ["Tensimeter", "Termometer", "Oximeter", "Alat Cek Gula Darah", "Kursi Roda"],
      ],
      ["Perlengkapan Medis", ["Masker Medis", "Hand Sanitizer", "Plester & Perban", "Sarung Tangan Medis"]],
      ["Kesehatan Gigi & Mulut", ["Sikat Gigi", "Pasta Gigi", "Obat Kumur", "Benang Gigi"]],
    ],
  ],
  [
    "Ibu & Bayi",
    [
      ["Perlengkapan Bayi", ["Popok Bayi", "Tisu Basah", "Botol Susu", "Dot & Empeng"]],
      ["Makanan Bayi", ["Susu Formula", "MPASI", "Bubur Bayi"]],
      ["Pakaian Bayi", ["Jumper Bayi", "Baju Bayi Baru Lahir", "Bedong", "Topi & Sarung Tangan Bayi"]],
      ["Perlengkapan Ibu", ["Pompa ASI", "Baju Menyusui", "Korset Pasca Melahirkan", "Kantong ASI"]],
      ["Perlengkapan Jalan Bayi", ["Stroller", "Gendongan Bayi", "Car Seat Bayi"]],
    ],
  ],
  [
    "Makanan & Minuman",
    [
      ["Makanan Ringan", ["Keripik", "Kue Kering", "Cokelat", "Permen"]],
      ["Oleh-oleh Khas Daerah", ["Bakpia", "Pempek", "Dodol & Jenang", "Rendang Kemasan", "Sambal Kemasan"]],
      ["Bahan Makanan", ["Beras", "Minyak Goreng", "Gula", "Tepung", "Bumbu Dapur"]],
      ["Minuman", ["Kopi", "Teh", "Susu", "Minuman Serbuk", "Air Mineral"]],
      ["Makanan Instan & Beku", ["Mi Instan", "Makanan Beku", "Makanan Kaleng"]],
    ],
  ],
  [
    "Rumah Tangga",
    [
      ["Perlengkapan Kamar Tidur", ["Sprei", "Bantal & Guling", "Selimut", "Kasur"]],
      ["Dekorasi Rumah", ["Jam Dinding", "Hiasan Dinding", "Tanaman Artifisial", "Karpet"]],
      ["Kebersihan Rumah", ["Sapu & Pel", "Deterjen", "Pembersih Lantai", "Tempat Sampah"]],
      ["Penyimpanan Rumah", ["Rak Serbaguna", "Kotak Penyimpanan", "Gantungan Baju", "Lemari Plastik"]],
      ["Furnitur", ["Kursi", "Meja", "Lemari Pakaian", "Sofa"]],
      ["Kamar Mandi", ["Keran & Shower", "Rak Kamar Mandi", "Handuk", "Keset"]],
      ["Taman & Berkebun", ["Bibit & Benih", "Pot Tanaman", "Pupuk", "Alat Berkebun"]],
    ],
  ],
  [
    "Dapur",
    [
      ["Peralatan Masak", ["Panci", "Wajan", "Pisau Dapur", "Talenan", "Spatula & Sutil"]],
      ["Alat Masak Elektrik", ["Rice Cooker", "Blender", "Air Fryer", "Mixer", "Kompor Listrik"]],
      [
        "Peralatan Makan & Minum",
        ["Piring", "Gelas & Mug", "Sendok & Garpu", "Tumbler", "Rantang & Kotak Makan"],
      ],
      ["Penyimpanan Dapur", ["Toples", "Wadah Makanan", "Rak Piring"]],
      ["Perlengkapan Kue", ["Loyang", "Cetakan Kue", "Oven", "Alat Hias Kue"]],
    ],
  ],
  [
    "Olahraga",
    [
      ["Pakaian Olahraga", ["Jersey", "Celana Olahraga", "Sport Bra", "Baju Renang"]],
      ["Sepatu Olahraga", ["Sepatu Lari", "Sepatu Futsal", "Sepatu Bola", "Sepatu Badminton"]],
      [
        "Alat Olahraga",
        ["Raket Badminton", "Shuttlecock", "Bola Sepak", "Dumbel", "Matras Yoga", "Tali Skipping"],
      ],
      ["Sepeda", ["Sepeda Lipat", "Sepeda Gunung", "Helm Sepeda", "Suku Cadang Sepeda"]],
      ["Outdoor & Camping", ["Tenda", "Sleeping Bag", "Tas Carrier", "Kompor Portable"]],
    ],
  ],
  [
    "Otomotif",
    [
      ["Aksesoris Motor", ["Helm", "Jas Hujan", "Sarung Tangan Motor", "Cover Motor"]],
      ["Suku Cadang Motor", ["Ban Motor", "Aki Motor", "Kampas Rem Motor", "Lampu Motor"]],
      ["Aksesoris Mobil", ["Karpet Mobil", "Parfum Mobil", "Cover Mobil", "Dashcam"]],
      ["Perawatan Kendaraan", ["Oli Motor", "Oli Mobil", "Sampo Kendaraan", "Wax & Poles"]],
    ],
  ],
  [
    "Hobi & Koleksi",
    [
      ["Alat Musik", ["Gitar", "Ukulele", "Piano & Keyboard Musik", "Drum", "Senar Gitar"]],
      ["Koleksi", ["Action Figure", "Diecast", "Perangko & Uang Kuno", "Kartu Koleksi"]],
      ["Kerajinan Tangan", ["Benang Rajut", "Manik-manik", "Alat Jahit", "Cat Lukis & Kanvas"]],
      ["Memancing", ["Joran Pancing", "Reel Pancing", "Umpan Pancing", "Senar Pancing"]],
    ],
  ],
  [
    "Mainan",
    [
      [
        "Mainan Anak",
        ["Balok Susun", "Boneka", "Mainan Edukasi", "Puzzle", "Mainan Remote Control"],
      ],
      ["Mainan Bayi", ["Teether", "Mainan Gantung", "Mainan Musik Bayi"]],
      ["Mainan Luar Ruangan", ["Sepeda Anak", "Kolam Renang Anak", "Mainan Pasir"]],
    ],
  ],
  [
    "Buku",
    [
      ["Buku Anak", ["Buku Cerita Anak", "Buku Aktivitas Anak", "Buku Mewarnai"]],
      ["Fiksi", ["Novel", "Komik & Manga", "Kumpulan Cerpen"]],
      [
        "Nonfiksi",
        ["Buku Agama", "Buku Bisnis", "Buku Pengembangan Diri", "Buku Masak", "Buku Sejarah"],
      ],
      ["Buku Pelajaran", ["Buku Sekolah SD", "Buku Sekolah SMP/SMA", "Buku Persiapan Ujian", "Kamus"]],
    ],
  ],
  [
    "Alat Tulis & Kantor",
    [
      ["Alat Tulis", ["Pulpen", "Pensil", "Buku Tulis", "Penghapus & Rautan"]],
      ["Perlengkapan Kantor", ["Kertas HVS", "Map & Binder", "Stapler", "Kalkulator"]],
    ],
  ],
  [
    "Perlengkapan Pesta",
    [
      ["Dekorasi Pesta", ["Balon", "Backdrop & Banner", "Lampu Hias", "Lilin Ulang Tahun"]],
      ["Suvenir & Hantaran", ["Suvenir Pernikahan", "Goodie Bag", "Kotak Hantaran", "Kartu Undangan"]],
      ["Peralatan Pesta", ["Topi Pesta", "Piring & Gelas Kertas", "Confetti"]],
    ],
  ],
  [
    "Pertukangan",
    [
      ["Perkakas Tangan", ["Obeng", "Kunci Pas & Ring", "Palu", "Tang", "Meteran"]],
      ["Perkakas Listrik", ["Bor Listrik", "Gerinda", "Gergaji Listrik", "Mesin Las"]],
      ["Bahan Bangunan", ["Cat Tembok", "Keramik & Lantai", "Lem & Perekat", "Pipa PVC"]],
      ["Kelistrikan", ["Lampu LED", "Stop Kontak & Saklar", "Kabel Listrik"]],
    ],
  ],
  [
    "Perawatan Hewan",
    [
      ["Kucing", ["Makanan Kucing", "Pasir Kucing", "Mainan Kucing", "Kandang Kucing"]],
      ["Anjing", ["Makanan Anjing", "Kalung & Tali Anjing", "Kandang Anjing"]],
      ["Ikan & Akuarium", ["Pakan Ikan", "Akuarium", "Filter Akuarium", "Dekorasi Akuarium"]],
      ["Burung", ["Pakan Burung", "Sangkar Burung", "Vitamin Burung"]],
    ],
  ],
];

function leafNode(spec: LeafSpec): CategoryNode {
  return typeof spec === "string"
    ? { name: spec, slug: categorySlug(spec), children: [] }
    : { name: spec.name, slug: spec.slug, children: [] };
}

export const CATEGORY_TREE: readonly CategoryNode[] = SPEC.map(([name, subs, slug]) => ({
  name,
  slug: slug ?? categorySlug(name),
  children: subs.map(([subName, leaves, subSlug]) => ({
    name: subName,
    slug: subSlug ?? categorySlug(subName),
    children: leaves.map(leafNode),
  })),
}));

/** Depth-first rows (parent before its children), e.g. for seeding the category table. */
export function flattenCategories(tree: readonly CategoryNode[] = CATEGORY_TREE): CategoryRow[] {
  const rows: CategoryRow[] = [];
  const visit = (node: CategoryNode, parentSlug: string | null, level: CategoryLevel) => {
    rows.push({ slug: node.slug, name: node.name, parentSlug, level });
    if (level === 3 && node.children.length > 0) throw new Error(`category "${node.slug}" is deeper than 3 levels`);
    for (const child of node.children) visit(child, node.slug, (level + 1) as CategoryLevel);
  };
  for (const top of tree) visit(top, null, 1);
  return rows;
}

/** Slugs a product may be filed under (level 3), e.g. for `parseProductCsv`. */
export function leafCategorySlugs(tree: readonly CategoryNode[] = CATEGORY_TREE): Set<string> {
  return new Set(flattenCategories(tree).filter((row) => row.level === 3).map((row) => row.slug));
}
