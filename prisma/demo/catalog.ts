/**
 * The demo catalog: 300+ products in the two approved demo shops (Gamis Cantik Bandung and Elektronik
 * Jaya Surabaya), so that a fresh `npm start` can be browsed, searched and used for shipping estimates.
 *
 * Everything goes through the seller's own services: photos through uploadProductPhoto (the same checks
 * and three WebP sizes as a real upload), products through the product form schema and saveProduct.
 * Only what no seller can set (sales so far, when a product went live) is written afterwards
 * (./catalog-db.ts).
 *
 * Photos are drawn as SVG and rasterised by sharp: a background per top-level category, a simple
 * drawing of the kind of product, the product name (cover) or category name (other photos), and a
 * "CONTOH" mark. Only covers are drawn per product; the other photos come from a small palette that is
 * drawn once and uploaded again for each product that uses it. Uploads run 4 at a time.
 *
 * Deterministic: every random choice is seeded by the product title, so each start looks the same
 * (apart from the dates, which are relative to now).
 */
import sharp from "sharp";
import { ProductFormSchema, type ProductForm } from "~/schemas/product";
import { breadcrumb, categoryTree, type CategoryTree } from "~/models/category.server";
import { saveProduct, uploadProductPhoto } from "~/services/catalog.server";
import { ensureCategoryTree } from "~/services/categories.server";
import { setDemoListingHistory } from "./catalog-db";

type ShopKey = "bandung" | "jaya";

export const DEMO_CATALOG_SHOPS: Record<ShopKey, { email: string; city: string; sku: string }> = {
  bandung: { email: "bandung@lapak.test", city: "Bandung", sku: "GCB" },
  jaya: { email: "jaya@lapak.test", city: "Surabaya", sku: "EJS" },
};

/** Titles that tests and demos may rely on. */
export const DEMO_CATALOG_FEATURED = [
  "Gamis Hitam Polos Wolfis",
  "Kopi Arabika Gayo 250 gr",
  "Keripik Tempe Pedas Malang 200 gr",
  "Kemeja Batik Pria Lengan Panjang",
  "Power Bank 10000 mAh Fast Charging",
] as const;

const UPLOAD_CONCURRENCY = 4;
/**
 * Side of the generated photos. Processing an upload (re-encode plus three WebP sizes) is what costs
 * time: ~60 ms of CPU per photo at 400 px, ~75 ms at 480 px, ~100 ms at 600 px. Drawing them is cheap.
 */
const PHOTO_PX = 400;

// ---------------------------------------------------------------------------------------------------
// Catalog data

interface Option {
  name: string;
  /** Added to the product's base price / weight. */
  price?: number;
  weight?: number;
}
type OptionSpec = string | Option;

interface VariantSpec {
  type1: string;
  options1: OptionSpec[];
  type2?: string;
  options2?: OptionSpec[];
}

interface Item {
  title: string;
  price?: number;
  weight?: number;
  /** Packed size in cm; overrides the family's. null: none. */
  dims?: [number, number, number] | null;
  used?: boolean;
  variants?: VariantSpec;
  description?: string;
  draft?: boolean;
  /** Number of photos (0–3); default 1–3 (drafts 0–1). */
  photos?: number;
  look?: Look;
  stock?: number;
}

interface Family {
  shop: ShopKey;
  /** Leaf category slug (checked against the database before anything is written). */
  category: string;
  look: Look;
  /** Colour of the drawing when the title names none. */
  colour?: string;
  price: [number, number];
  /** Grams, packaging included. */
  weight: [number, number];
  dims?: [number, number, number];
  /** Sentences the descriptions are made of (1–3 are picked per product). */
  about: string[];
  /** Share of items sold used (second-hand). */
  used?: number;
  items: (string | Item)[];
}

const size = (...names: string[]): Option[] => names.map((name) => ({ name }));
const GAMIS_SIZES: Option[] = [{ name: "S" }, { name: "M", weight: 10 }, { name: "L", weight: 25 }, { name: "XL", price: 10_000, weight: 45 }];
const SHIRT_SIZES: Option[] = [{ name: "M" }, { name: "L", weight: 10 }, { name: "XL", weight: 20 }, { name: "XXL", price: 15_000, weight: 35 }];
const TEE_SIZES: Option[] = [{ name: "S" }, { name: "M" }, { name: "L", weight: 10 }, { name: "XL", weight: 20 }, { name: "XXL", price: 10_000, weight: 30 }];
const SHOE_SIZES: Option[] = ["38", "39", "40", "41", "42", "43"].map((name, i) => ({ name, weight: i * 15 }));
const LADIES_SHOE_SIZES: Option[] = ["36", "37", "38", "39", "40", "41"].map((name, i) => ({ name, weight: i * 10 }));
const HIJAB_COLOURS = ["Hitam", "Navy", "Maroon", "Mocca", "Sage", "Dusty Pink", "Abu Muda", "Krem", "Putih", "Army"];

const FAMILIES: Family[] = [
  // ------------------------------------------------------------------ Gamis Cantik Bandung: busana muslim
  {
    shop: "bandung",
    category: "gamis-polos",
    look: "dress",
    colour: "#262626",
    price: [139_000, 289_000],
    weight: [420, 650],
    about: [
      "Potongan A-line yang longgar sehingga nyaman dipakai seharian.",
      "Bahannya jatuh, tidak menerawang dan tidak mudah kusut.",
      "Bukaan depan yang ramah busui dan saku di sisi kanan.",
      "Lingkar dada sekitar 100–120 cm dan panjang gamis 135–140 cm tergantung ukuran.",
      "Cocok untuk kajian, kerja, maupun acara keluarga.",
    ],
    items: [
      {
        title: "Gamis Hitam Polos Wolfis",
        price: 179_000,
        weight: 500,
        photos: 3,
        description:
          "Gamis polos hitam dari bahan wolfis premium yang jatuh, adem dan tidak menerawang. Model A-line dengan resleting depan, ramah untuk ibu menyusui, serta saku di sisi kanan. Tersedia ukuran S sampai XL; ukuran XL ada tambahan harga karena bahan lebih banyak. Dikirim dari Bandung setiap hari Senin–Sabtu.",
        variants: { type1: "Ukuran", options1: GAMIS_SIZES },
      },
      {
        title: "Gamis Wolfis Polos Busui Friendly",
        price: 169_000,
        weight: 490,
        variants: { type1: "Ukuran", options1: GAMIS_SIZES, type2: "Warna", options2: ["Hitam", "Navy", "Maroon"] },
      },
      "Gamis Polos Ceruty Babydoll Navy",
      "Gamis Jersey Polos Maroon Adem",
      "Gamis Polos Katun Rayon Kancing Depan Sage",
      { title: "Gamis Moscrepe Polos Premium Dusty Pink", variants: { type1: "Ukuran", options1: GAMIS_SIZES.slice(1) } },
      "Gamis Polos Linen Rami Mocca",
      "Gamis Polos Crinkle Airflow Hitam",
      { title: "Gamis Brokat Pesta Lebaran Edisi Terbatas", draft: true, photos: 1, price: 389_000 },
    ],
  },
  {
    shop: "bandung",
    category: "gamis-syari",
    look: "dress",
    colour: "#262626",
    price: [189_000, 399_000],
    weight: [600, 900],
    about: [
      "Model syar'i yang lebar dengan lengan berkaret dan ujung lengan bermanset.",
      "Bahan tebal dan jatuh, tidak membentuk lekuk tubuh.",
      "Panjang gamis sekitar 140 cm, cocok untuk tinggi badan 150–170 cm.",
      "Jahitan rapi standar butik, dikerjakan penjahit di Bandung.",
    ],
    items: [
      { title: "Gamis Syar'i Jumbo Bahan Wolfis Hitam", variants: { type1: "Ukuran", options1: [{ name: "XL" }, { name: "XXL", price: 15_000, weight: 40 }, { name: "XXXL", price: 30_000, weight: 80 }] } },
      "Gamis Syar'i Ceruty Armani Navy",
      "Gamis Syar'i Set Niqab Hitam",
      "Gamis Syar'i Wollycrepe Rempel Maroon",
      "Gamis Syar'i Remaja Toska",
    ],
  },
  {
    shop: "bandung",
    category: "gamis-motif",
    look: "dress",
    colour: "#8e5572",
    price: [129_000, 259_000],
    weight: [420, 620],
    about: [
      "Motif dicetak halus dan warnanya tidak mudah pudar setelah dicuci.",
      "Bahan adem menyerap keringat, nyaman untuk cuaca panas.",
      "Ada tali pinggang di belakang untuk menyesuaikan bentuk badan.",
      "Cuci dengan tangan dan jemur di tempat teduh agar warna tetap cerah.",
    ],
    items: [
      "Gamis Motif Bunga Rayon Premium",
      "Gamis Motif Batik Kombinasi Polos",
      "Gamis Motif Abstrak Ceruty",
      "Gamis Motif Kotak Katun Rayon",
      "Gamis Motif Polkadot Moscrepe",
    ],
  },
  {
    shop: "bandung",
    category: "gamis-set-khimar",
    look: "hijab",
    colour: "#262626",
    price: [199_000, 429_000],
    weight: [700, 1_000],
    about: [
      "Satu set gamis dan khimar dari bahan yang sama, warnanya pasti senada.",
      "Khimar menutup dada dengan pet antem di bagian depan agar tidak lepek.",
      "Gamis berresleting depan dan lengan berkaret, praktis untuk wudhu.",
      "Cocok untuk hadiah Lebaran atau seragam keluarga.",
    ],
    items: [
      { title: "Set Gamis Khimar Ceruty Babydoll Hitam", variants: { type1: "Ukuran", options1: size("M", "L", "XL") } },
      "Gamis Set Khimar Jersey Premium Navy",
      { title: "Set Gamis Khimar Syar'i Wolfis Mocca", variants: { type1: "Ukuran", options1: size("M", "L", "XL") } },
      "Gamis Set Khimar Lebaran Sage",
      "Gamis Set Khimar Anak Perempuan Pink",
    ],
  },
  {
    shop: "bandung",
    category: "hijab-segi-empat",
    look: "hijab",
    colour: "#b5838d",
    price: [15_000, 85_000],
    weight: [90, 180],
    about: [
      "Ukuran standar 115 x 115 cm, pas untuk gaya menutup dada.",
      "Bahan tegak di dahi dan mudah dibentuk tanpa banyak jarum.",
      "Tepi dijahit rapi dengan mesin obras halus.",
      "Ringan dan tidak panas, nyaman dipakai beraktivitas.",
      "Dikemas satu per satu dalam plastik klip.",
    ],
    items: [
      "Hijab Segi Empat Voal Motif Bunga",
      "Hijab Segi Empat Voal Polos Lasercut",
      { title: "Jilbab Segi Empat Bella Square Polos", price: 17_500, variants: { type1: "Warna", options1: HIJAB_COLOURS } },
      "Hijab Segi Empat Paris Premium Polos",
      { title: "Hijab Segi Empat Ceruty Babydoll", variants: { type1: "Warna", options1: HIJAB_COLOURS.slice(0, 6) } },
      "Hijab Segi Empat Katun Rawis Krem",
      { title: "Kerudung Segi Empat Jumbo 150 x 150 cm", description: "Kerudung segi empat ukuran jumbo 150 x 150 cm yang menutup dada dan punggung. Bahan voal yang ringan, tegak di dahi dan mudah dibentuk. Dikirim dari Bandung setiap hari Senin–Sabtu." },
      "Hijab Segi Empat Sekolah Putih",
      { title: "Hijab Printing Custom Nama", draft: true, photos: 0 },
    ],
  },
  {
    shop: "bandung",
    category: "pashmina",
    look: "hijab",
    colour: "#9c6644",
    price: [25_000, 69_000],
    weight: [100, 200],
    about: [
      "Ukuran 175 x 75 cm, cukup panjang untuk dililit maupun dijulurkan.",
      "Bahan lembut, jatuh dan tidak licin saat dipakai.",
      "Mudah diatur tanpa perlu disetrika berulang kali.",
      "Pilihan warna netral yang mudah dipadukan dengan busana apa pun.",
    ],
    items: [
      { title: "Pashmina Ceruty Babydoll Polos", variants: { type1: "Warna", options1: HIJAB_COLOURS.slice(0, 8) } },
      "Pashmina Kaos Rayon Premium",
      "Pashmina Plisket Full Lipit",
      "Pashmina Inner Tali Instan",
      "Pashmina Crinkle Airflow Sage",
    ],
  },
  {
    shop: "bandung",
    category: "hijab-instan",
    look: "hijab",
    colour: "#3d405b",
    price: [25_000, 79_000],
    weight: [120, 220],
    about: [
      "Tinggal pakai tanpa jarum, praktis untuk sehari-hari.",
      "Pet antem di dahi membuat bentuk wajah tetap rapi.",
      "Bahan melar dan menyerap keringat.",
      "Panjang depan menutup dada, belakang sedikit lebih pendek.",
    ],
    items: ["Bergo Instan Jersey Pad Antem", "Hijab Instan Sekolah Putih", "Bergo Maryam Diamond Tali", "Hijab Instan Syar'i Jersey Jumbo"],
  },
  {
    shop: "bandung",
    category: "ciput-inner-hijab",
    look: "hijab",
    colour: "#262626",
    price: [8_000, 25_000],
    weight: [40, 90],
    about: [
      "Menahan rambut agar tidak keluar dari hijab.",
      "Bahan rajut yang elastis, tidak membuat pusing meski dipakai lama.",
      "Satu ukuran, muat untuk lingkar kepala dewasa pada umumnya.",
    ],
    items: ["Ciput Rajut Anti Pusing", "Inner Ninja Kaos Rayon Hitam", "Ciput Bandana Tali Belakang"],
  },
  {
    shop: "bandung",
    category: "tunik",
    look: "shirt",
    colour: "#6d597a",
    price: [99_000, 179_000],
    weight: [250, 400],
    about: [
      "Panjang tunik sampai bawah lutut, sopan dipadukan dengan celana kulot.",
      "Belahan samping membuat langkah lebih leluasa.",
      "Kancing depan berfungsi, ramah ibu menyusui.",
      "Bahan adem dan tidak mudah kusut.",
    ],
    items: ["Tunik Katun Rayon Motif Bunga", "Tunik Linen Polos Kancing Depan Krem", "Tunik Denim Wanita Muslim Biru", "Tunik Crinkle Airflow Busui"],
  },
  {
    shop: "bandung",
    category: "blouse-muslim",
    look: "shirt",
    colour: "#e0afa0",
    price: [79_000, 149_000],
    weight: [200, 320],
    about: [
      "Model longgar menutup pinggul, cocok dipakai kerja maupun kuliah.",
      "Lengan panjang dengan manset berkancing.",
      "Bahan ringan dan jatuh, tidak panas dipakai.",
    ],
    items: ["Blouse Muslim Ceruty Lengan Balon", "Blouse Muslim Katun Bordir Kerah Putih", "Atasan Muslimah Rayon Polos Oversize"],
  },
  {
    shop: "bandung",
    category: "kemeja-muslim-wanita",
    look: "shirt",
    colour: "#f5f5f0",
    price: [99_000, 159_000],
    weight: [220, 330],
    about: ["Kemeja panjang menutup pinggul dengan kancing depan penuh.", "Bahan katun yang tebal tapi tetap adem.", "Bisa dipakai sebagai outer atau atasan kerja."],
    items: ["Kemeja Muslimah Oversize Katun Toyobo Putih", "Kemeja Muslim Wanita Motif Garis Biru"],
  },
  {
    shop: "bandung",
    category: "baju-koko",
    look: "shirt",
    colour: "#f5f5f0",
    price: [89_000, 219_000],
    weight: [250, 420],
    about: [
      "Jahitan rapi dengan benang yang tidak mudah luntur.",
      "Potongan regular fit, nyaman untuk salat dan acara keluarga.",
      "Bahan katun yang menyerap keringat.",
      "Cocok untuk seragam pengajian dan hadiah Lebaran.",
    ],
    items: [
      { title: "Baju Koko Pria Lengan Panjang Bordir", variants: { type1: "Ukuran", options1: SHIRT_SIZES } },
      "Baju Koko Kurta Pakistan Polos Hitam",
      { title: "Baju Koko Anak Laki-laki Lengan Pendek", price: 69_000, weight: 180 },
      "Baju Koko Katun Toyobo Putih",
      "Setelan Baju Koko dan Celana Sirwal Navy",
    ],
  },
  {
    shop: "bandung",
    category: "sarung",
    look: "folded",
    colour: "#3a5a40",
    price: [59_000, 189_000],
    weight: [400, 700],
    about: ["Tenunan rapat dan tidak mudah melar.", "Ukuran dewasa, lebar sekitar 110 cm.", "Warna tidak luntur saat dicuci pertama kali.", "Dikemas dalam kotak, cocok untuk hadiah."],
    items: ["Sarung Tenun Motif Kotak Pria", "Sarung Katun Polos Hitam Jacquard", "Sarung Tenun Ikat Donggala Motif"],
  },
  {
    shop: "bandung",
    category: "peci-kopiah",
    look: "cap",
    colour: "#262626",
    price: [25_000, 75_000],
    weight: [90, 200],
    dims: [22, 14, 12],
    about: ["Bentuk kokoh dan tidak mudah penyok.", "Bagian dalam berlapis kain yang menyerap keringat.", "Tersedia ukuran 5 sampai 8; tanyakan ukuran lewat chat."],
    items: ["Peci Hitam Nasional Polos", { title: "Kopiah Rajut Putih Haji", look: "cap" }, "Peci Songkok Bludru Bordir Hitam"],
  },
  {
    shop: "bandung",
    category: "mukena",
    look: "hijab",
    colour: "#f5f5f0",
    price: [89_000, 349_000],
    weight: [500, 900],
    about: [
      "Atasan dan bawahan terpisah, panjang atasan sampai lutut.",
      "Bahan adem dan tidak menerawang.",
      "Bordir dan renda dijahit rapi di bagian wajah dan tepi.",
      "Sudah termasuk tas serut untuk menyimpan mukena.",
    ],
    items: [
      { title: "Mukena Katun Jepang Bordir Putih", variants: { type1: "Warna", options1: ["Putih", "Krem", "Dusty Pink", "Sage"] } },
      "Mukena Travel Parasut dengan Tas",
      "Mukena Rayon Bali Motif Bunga",
      "Mukena Dewasa Silk Premium Renda",
    ],
  },
  {
    shop: "bandung",
    category: "sajadah",
    look: "mat",
    colour: "#7a1f2b",
    price: [35_000, 149_000],
    weight: [200, 1_200],
    about: ["Ukuran sekitar 70 x 115 cm.", "Bagian bawah tidak licin di lantai keramik.", "Motif ditenun, bukan dicetak, sehingga awet."],
    items: [
      { title: "Sajadah Turki Tebal Motif Masjid", weight: 1_100, dims: [40, 30, 10] },
      { title: "Sajadah Travel Lipat Saku", weight: 220 },
      { title: "Sajadah Busa Anti Licin Hijau", weight: 750, dims: [40, 30, 12] },
    ],
  },
  {
    shop: "bandung",
    category: "tasbih",
    look: "beads",
    colour: "#6b4226",
    price: [15_000, 65_000],
    weight: [50, 120],
    about: ["Berisi 99 butir dengan pembatas setiap 33 butir.", "Dikemas dalam kotak kecil, cocok untuk oleh-oleh haji dan umrah.", "Butir halus dan ringan di tangan."],
    items: ["Tasbih Kayu Kokka 99 Butir", "Tasbih Kristal Bening 99 Butir"],
  },
  // ------------------------------------------------------------------ Gamis Cantik Bandung: fashion
  {
    shop: "bandung",
    category: "kemeja-pria",
    look: "shirt",
    colour: "#1f2d4d",
    price: [99_000, 329_000],
    weight: [250, 450],
    about: [
      "Potongan regular fit dengan kerah yang tetap tegak setelah dicuci.",
      "Bahan katun yang adem, cocok untuk kerja maupun acara resmi.",
      "Jahitan rapi dengan kancing yang kuat.",
      "Lingkar dada ukuran L sekitar 108 cm; tanyakan tabel ukuran lengkap lewat chat.",
    ],
    items: [
      {
        title: "Kemeja Batik Pria Lengan Panjang",
        price: 165_000,
        weight: 320,
        look: "batik",
        photos: 3,
        description:
          "Kemeja batik pria lengan panjang motif kawung dengan bahan katun primisima yang halus dan adem. Dilapisi furing tipis di bagian dalam sehingga tetap rapi untuk kondangan maupun acara kantor. Tersedia ukuran M sampai XXL.",
        variants: { type1: "Ukuran", options1: SHIRT_SIZES },
      },
      { title: "Kemeja Batik Pria Lengan Pendek Motif Parang", look: "batik" },
      { title: "Kemeja Batik Tulis Pekalongan Premium", look: "batik", price: 329_000 },
      "Kemeja Flanel Pria Kotak-kotak Merah",
      "Kemeja Oxford Pria Lengan Pendek Putih",
      "Kemeja Linen Pria Kerah Mandarin Krem",
      "Kemeja Kerja Pria Polos Navy",
    ],
  },
  {
    shop: "bandung",
    category: "blouse",
    look: "shirt",
    colour: "#c08497",
    price: [69_000, 159_000],
    weight: [180, 300],
    about: ["Model longgar yang nyaman dipakai seharian.", "Bahan ringan dan tidak mudah kusut.", "Cocok dipadukan dengan rok plisket atau celana kulot."],
    items: [{ title: "Blouse Batik Wanita Kutubaru", look: "batik" }, "Blouse Wanita Sabrina Ceruty", "Blouse Katun Wanita Lengan Balon Putih"],
  },
  {
    shop: "bandung",
    category: "dress-casual",
    look: "dress",
    colour: "#84a59d",
    price: [119_000, 249_000],
    weight: [250, 400],
    about: ["Panjang midi di bawah lutut.", "Ada karet di pinggang belakang dan tali untuk membentuk badan.", "Bahan jatuh, adem dan tidak menerawang."],
    items: ["Dress Batik Modern Midi", "Dress Casual Linen Tali Pinggang Sage", "Dress Rayon Motif Bunga Kecil"],
  },
  {
    shop: "bandung",
    category: "kaos-pria",
    look: "tshirt",
    colour: "#262626",
    price: [39_000, 119_000],
    weight: [180, 300],
    about: [
      "Bahan cotton combed yang lembut dan tidak berbulu.",
      "Jahitan rantai di bahu sehingga tidak mudah melar.",
      "Warna tidak mudah pudar meski sering dicuci.",
      "Cocok untuk sehari-hari, nongkrong maupun seragam komunitas.",
    ],
    items: [
      { title: "Kaos Polos Pria Cotton Combed 30s", price: 39_000, weight: 190, variants: { type1: "Ukuran", options1: TEE_SIZES, type2: "Warna", options2: ["Hitam", "Putih", "Navy", "Abu Misty"] } },
      "Kaos Oversize Pria Sablon Kota Bandung",
      "Kaos Raglan Pria Lengan Panjang",
      "Kaos Distro Bandung Gambar Gunung Hitam",
    ],
  },
  {
    shop: "bandung",
    category: "polo-shirt",
    look: "tshirt",
    colour: "#1f2d4d",
    price: [79_000, 149_000],
    weight: [220, 320],
    about: ["Bahan lacoste pique yang tebal dan menyerap keringat.", "Kerah rajut yang tetap tegak setelah dicuci.", "Bisa dibordir logo untuk seragam kantor."],
    items: ["Polo Shirt Pria Pique Polos Navy", "Polo Shirt Kerah Kombinasi Putih"],
  },
  {
    shop: "bandung",
    category: "celana-chino",
    look: "pants",
    colour: "#c2a878",
    price: [99_000, 189_000],
    weight: [350, 550],
    about: ["Bahan katun twill stretch yang nyaman untuk bergerak.", "Potongan slim fit yang rapi untuk kerja.", "Ada empat saku dan tali ikat pinggang."],
    items: ["Celana Chino Pria Slim Fit Krem"],
  },
  {
    shop: "bandung",
    category: "celana-jeans-pria",
    look: "pants",
    colour: "#1f2d4d",
    price: [129_000, 229_000],
    weight: [550, 800],
    about: ["Denim tebal 12 oz yang awet.", "Warna tidak mudah pudar dan tidak luntur ke pakaian lain.", "Jahitan ganda di bagian selangkangan."],
    items: ["Celana Jeans Pria Reguler Biru Dongker", "Celana Jeans Pria Slim Fit Stretch Hitam"],
  },
  {
    shop: "bandung",
    category: "celana-panjang-wanita",
    look: "pants",
    colour: "#a47551",
    price: [79_000, 149_000],
    weight: [250, 450],
    about: ["Pinggang berkaret dengan tali serut.", "Potongan lebar yang sopan dan nyaman.", "Cocok dipadukan dengan tunik atau blouse."],
    items: ["Celana Kulot Wanita Plisket Hitam", "Celana Kulot Linen Highwaist Mocca"],
  },
  {
    shop: "bandung",
    category: "rok",
    look: "dress",
    colour: "#3d405b",
    price: [69_000, 139_000],
    weight: [250, 450],
    about: ["Panjang rok sekitar 90 cm, sopan untuk kerja dan kuliah.", "Pinggang berkaret, muat sampai lingkar pinggang 90 cm.", "Bahan tidak menerawang."],
    items: ["Rok Plisket Panjang Premium Navy", "Rok Span Jeans Panjang Biru"],
  },
  {
    shop: "bandung",
    category: "sneakers-pria",
    look: "shoe",
    colour: "#262626",
    price: [149_000, 349_000],
    weight: [850, 1_100],
    dims: [33, 21, 12],
    about: [
      "Buatan pengrajin Cibaduyut dengan sol karet yang tidak licin.",
      "Insole empuk yang nyaman untuk jalan jauh.",
      "Dikirim dengan kotak sepatu agar bentuknya tidak rusak.",
      "Ukuran normal; bila ragu, pilih satu nomor lebih besar.",
    ],
    items: [
      { title: "Sepatu Sneakers Pria Kanvas Hitam", price: 189_000, weight: 900, variants: { type1: "Ukuran", options1: SHOE_SIZES } },
      { title: "Sepatu Sneakers Pria Kulit Sintetis Putih", variants: { type1: "Ukuran", options1: SHOE_SIZES, type2: "Warna", options2: ["Putih", "Hitam"] } },
      "Sepatu Slip On Pria Kanvas Navy",
    ],
  },
  {
    shop: "bandung",
    category: "sepatu-formal-pria",
    look: "shoe",
    colour: "#3b2416",
    price: [249_000, 449_000],
    weight: [1_000, 1_300],
    dims: [33, 21, 12],
    about: ["Kulit sapi asli dengan sol karet yang dijahit.", "Cocok untuk kerja kantor dan acara resmi.", "Buatan Cibaduyut, Bandung."],
    items: [{ title: "Sepatu Pantofel Pria Kulit Asli Hitam", variants: { type1: "Ukuran", options1: SHOE_SIZES } }, "Sepatu Formal Pria Tali Cokelat"],
  },
  {
    shop: "bandung",
    category: "sneakers-wanita",
    look: "shoe",
    colour: "#f5f5f0",
    price: [129_000, 259_000],
    weight: [650, 900],
    dims: [30, 19, 11],
    about: ["Ringan dan empuk untuk dipakai seharian.", "Sol karet yang tidak licin.", "Dikirim dengan kotak sepatu."],
    items: [
      { title: "Sepatu Sneakers Wanita Rajut Ringan", variants: { type1: "Ukuran", options1: LADIES_SHOE_SIZES } },
      "Sepatu Kets Wanita Putih Polos",
    ],
  },
  {
    shop: "bandung",
    category: "sandal-wanita",
    look: "sandal",
    colour: "#b5838d",
    price: [29_000, 99_000],
    weight: [300, 500],
    about: ["Alas empuk yang tidak licin.", "Tali nyaman dan tidak membuat lecet.", "Cocok untuk santai maupun ke masjid."],
    items: ["Sandal Jepit Wanita Karet Motif", "Sandal Selop Wanita Anyaman Cokelat"],
  },
  {
    shop: "bandung",
    category: "flat-shoes",
    look: "shoe",
    colour: "#262626",
    price: [79_000, 139_000],
    weight: [450, 650],
    about: ["Model flat yang sopan untuk kerja.", "Bagian dalam berlapis busa tipis.", "Ukuran normal."],
    items: ["Flat Shoes Wanita Pita Beludru Hitam"],
  },
  {
    shop: "bandung",
    category: "sandal-pria",
    look: "sandal",
    colour: "#6b4226",
    price: [59_000, 189_000],
    weight: [450, 700],
    about: ["Sol karet yang kuat dan tidak mudah aus.", "Tali bisa disesuaikan dengan perekat.", "Buatan pengrajin Cibaduyut."],
    items: [{ title: "Sandal Kulit Pria Cibaduyut Cokelat", variants: { type1: "Ukuran", options1: SHOE_SIZES } }, "Sandal Gunung Pria Tali Hitam"],
  },
  {
    shop: "bandung",
    category: "tas-selempang-wanita",
    look: "bag",
    colour: "#6b4226",
    price: [59_000, 189_000],
    weight: [250, 500],
    about: ["Muat HP, dompet dan perlengkapan kecil.", "Tali bisa diatur panjangnya.", "Bagian dalam berlapis kain dengan saku resleting."],
    items: ["Tas Selempang Wanita Kulit Sintetis Mini", "Sling Bag Wanita Kanvas Krem"],
  },
  {
    shop: "bandung",
    category: "tas-tangan",
    look: "bag",
    colour: "#c2a878",
    price: [49_000, 229_000],
    weight: [200, 600],
    about: ["Dibuat tangan oleh pengrajin lokal.", "Ukuran pas untuk kerja dan jalan-jalan.", "Setiap tas bisa sedikit berbeda karena buatan tangan."],
    items: ["Tas Tangan Wanita Anyaman Rotan", "Tote Bag Kanvas Sablon Bandung"],
  },
  {
    shop: "bandung",
    category: "dompet-wanita",
    look: "wallet",
    colour: "#8e5572",
    price: [39_000, 149_000],
    weight: [120, 250],
    about: ["Banyak slot kartu dan satu kantong koin beresleting.", "Muat uang kertas tanpa dilipat.", "Dikemas dalam kotak."],
    items: ["Dompet Wanita Panjang Kulit Sintetis"],
  },
  {
    shop: "bandung",
    category: "dompet-pria",
    look: "wallet",
    colour: "#3b2416",
    price: [49_000, 179_000],
    weight: [100, 200],
    about: ["Kulit asli yang makin bagus dipakai lama.", "Enam slot kartu dan satu ruang uang.", "Tipis, nyaman di saku celana."],
    items: ["Dompet Pria Kulit Sapi Asli Lipat"],
  },
  {
    shop: "bandung",
    category: "ikat-pinggang",
    look: "wallet",
    colour: "#262626",
    price: [59_000, 149_000],
    weight: [250, 400],
    about: ["Kulit sapi asli dengan gesper besi anti karat.", "Panjang bisa dipotong sesuai lingkar pinggang.", "Dikemas dalam kotak."],
    items: ["Ikat Pinggang Kulit Sapi Asli Gesper"],
  },
  {
    shop: "bandung",
    category: "topi",
    look: "cap",
    colour: "#1f2d4d",
    price: [35_000, 79_000],
    weight: [100, 180],
    dims: [25, 20, 12],
    about: ["Bordir rapi di bagian depan.", "Tali belakang bisa diatur.", "Bahan drill yang tebal."],
    items: ["Topi Baseball Bordir Bandung Navy"],
  },
  // ------------------------------------------------------------------ Gamis Cantik Bandung: kecantikan
  {
    shop: "bandung",
    category: "serum-wajah",
    look: "bottle",
    colour: "#e9c46a",
    price: [45_000, 129_000],
    weight: [100, 180],
    about: [
      "Teksturnya ringan dan cepat meresap, tidak lengket.",
      "Gunakan 2–3 tetes setelah toner, pagi dan malam.",
      "Sudah terdaftar BPOM, kode dapat dicek di kemasan.",
      "Lakukan uji tempel di lengan sebelum pemakaian pertama.",
    ],
    items: ["Serum Wajah Niacinamide 10% 20 ml", { title: "Serum Vitamin C Brightening 30 ml", variants: { type1: "Ukuran", options1: [{ name: "20 ml" }, { name: "30 ml", price: 20_000, weight: 20 }] } }, "Serum Hyaluronic Acid Hydrating 30 ml"],
  },
  {
    shop: "bandung",
    category: "pelembap-wajah",
    look: "jar",
    colour: "#a8dadc",
    price: [35_000, 119_000],
    weight: [80, 160],
    about: ["Melembapkan tanpa membuat wajah berminyak.", "Cocok untuk kulit kering maupun kombinasi.", "Sudah terdaftar BPOM.", "Pakai setelah serum, pagi dan malam."],
    items: ["Pelembap Wajah Gel Aloe Vera 50 gr", "Moisturizer Ceramide Kulit Kering 30 gr", "Krim Malam Pencerah 15 gr"],
  },
  {
    shop: "bandung",
    category: "sabun-cuci-muka",
    look: "tube",
    colour: "#90be6d",
    price: [25_000, 69_000],
    weight: [130, 200],
    about: ["Busanya lembut dan tidak membuat kulit terasa ketarik.", "pH rendah, aman dipakai dua kali sehari.", "Sudah terdaftar BPOM."],
    items: ["Sabun Cuci Muka Gentle Low pH 100 ml", "Facial Wash Tea Tree Kulit Berminyak", "Sabun Cuci Muka Beras Alami"],
  },
  {
    shop: "bandung",
    category: "sunscreen",
    look: "tube",
    colour: "#f4a261",
    price: [39_000, 99_000],
    weight: [80, 150],
    about: ["Tidak meninggalkan white cast di kulit sawo matang.", "Pakai 15 menit sebelum keluar rumah dan ulangi tiap 2–3 jam.", "Tekstur ringan dan tidak lengket.", "Sudah terdaftar BPOM."],
    items: ["Sunscreen SPF 50 PA++++ 50 ml", "Sunscreen Gel Ringan SPF 35"],
  },
  {
    shop: "bandung",
    category: "masker-wajah",
    look: "jar",
    colour: "#b7b7a4",
    price: [19_000, 89_000],
    weight: [80, 200],
    about: ["Pakai 2–3 kali seminggu setelah mencuci muka.", "Membantu membersihkan pori-pori dan mengangkat sel kulit mati.", "Sudah terdaftar BPOM."],
    items: ["Masker Wajah Clay Kaolin 100 gr", "Sheet Mask Aloe Vera Isi 10"],
  },
  {
    shop: "bandung",
    category: "toner-wajah",
    look: "bottle",
    colour: "#ffafcc",
    price: [35_000, 89_000],
    weight: [150, 220],
    about: ["Menyegarkan dan menyeimbangkan kelembapan kulit setelah cuci muka.", "Tuang ke kapas lalu usapkan ke wajah dan leher.", "Sudah terdaftar BPOM."],
    items: ["Toner Wajah Exfoliating AHA BHA 100 ml", "Toner Air Mawar Alami 100 ml"],
  },
  {
    shop: "bandung",
    category: "lipstik",
    look: "lipstick",
    colour: "#b23a48",
    price: [29_000, 79_000],
    weight: [40, 80],
    about: ["Warna pekat dalam sekali oles.", "Tahan sampai 8 jam dan tidak mudah pindah ke gelas.", "Tidak membuat bibir kering.", "Sudah terdaftar BPOM dan bersertifikat halal."],
    items: [
      { title: "Lipstik Matte Tahan Lama", price: 39_000, variants: { type1: "Warna", options1: ["Nude Beige", "Rosy Pink", "Brick Red", "Mauve", "Cherry"] } },
      "Lip Cream Velvet Transferproof",
      "Lip Tint Glossy Ringan Pink",
    ],
  },
  {
    shop: "bandung",
    category: "bedak",
    look: "jar",
    colour: "#e6ccb2",
    price: [29_000, 89_000],
    weight: [60, 150],
    about: ["Hasil akhir natural, tidak cakey.", "Mengontrol minyak sampai sore.", "Sudah terdaftar BPOM dan bersertifikat halal."],
    items: ["Bedak Tabur Halus Natural", "Bedak Padat Two Way Cake"],
  },
  {
    shop: "bandung",
    category: "cushion",
    look: "jar",
    colour: "#ddb892",
    price: [79_000, 149_000],
    weight: [80, 150],
    about: ["Coverage sedang yang bisa dibangun.", "Sudah termasuk satu isi ulang.", "Sudah terdaftar BPOM."],
    items: [{ title: "Cushion Foundation SPF 30", variants: { type1: "Warna", options1: ["Light Ivory", "Natural Beige", "Sand", "Honey"] } }],
  },
  {
    shop: "bandung",
    category: "body-lotion",
    look: "bottle",
    colour: "#fefae0",
    price: [25_000, 69_000],
    weight: [250, 400],
    about: ["Cepat meresap dan tidak lengket di kulit.", "Wanginya lembut dan tahan lama.", "Sudah terdaftar BPOM."],
    items: ["Body Lotion Susu Kambing 200 ml"],
  },
  {
    shop: "bandung",
    category: "parfum-wanita",
    look: "bottle",
    colour: "#cdb4db",
    price: [39_000, 159_000],
    weight: [150, 300],
    about: ["Aroma lembut dan tidak menyengat.", "Tahan 6–8 jam di kulit.", "Botol kaca dikemas dengan bubble wrap tebal."],
    items: ["Parfum Wanita Eau de Parfum 50 ml Floral", "Body Mist Vanilla 100 ml"],
  },
  // ------------------------------------------------------------------ Gamis Cantik Bandung: makanan & minuman
  {
    shop: "bandung",
    category: "keripik",
    look: "pouch",
    colour: "#e76f51",
    price: [12_000, 35_000],
    weight: [150, 350],
    dims: [25, 18, 10],
    about: [
      "Renyah dan gurih, digoreng setiap hari sehingga selalu baru.",
      "Tanpa pengawet; tahan sekitar 2 bulan dalam kemasan tertutup.",
      "Dikemas dalam standing pouch beritsleting dan kardus agar tidak hancur.",
      "Sudah bersertifikat halal dan PIRT.",
    ],
    items: [
      {
        title: "Keripik Tempe Pedas Malang 200 gr",
        price: 18_000,
        weight: 280,
        dims: null,
        photos: 2,
        description:
          "Keripik tempe khas Malang yang tipis dan renyah dengan bumbu pedas manis. Dibuat dari tempe kedelai pilihan dan digoreng setiap hari, tanpa pengawet. Isi 200 gr dalam standing pouch beritsleting, dikirim dengan kardus agar tidak hancur.",
      },
      { title: "Keripik Singkong Balado Padang 250 gr", variants: { type1: "Level Pedas", options1: ["Sedang", "Pedas", "Extra Pedas"] } },
      "Keripik Kaca Pedas Daun Jeruk 100 gr",
      "Keripik Pisang Manis Lampung 250 gr",
      "Basreng Pedas Daun Jeruk 200 gr",
      "Makaroni Bantat Pedas 250 gr",
      "Kerupuk Kulit Sapi Rambak 100 gr",
      "Seblak Kering Pedas Bandung 200 gr",
    ],
  },
  {
    shop: "bandung",
    category: "kopi",
    look: "pouch",
    colour: "#5a3825",
    price: [35_000, 145_000],
    weight: [270, 600],
    about: [
      "Disangrai dalam jumlah kecil setiap minggu, tanggal sangrai tertulis di kemasan.",
      "Kemasan dilengkapi katup satu arah agar aroma tetap terjaga.",
      "Bisa diseduh dengan V60, French press, tubruk, maupun mesin espresso.",
      "Simpan di tempat kering dan tertutup, jauh dari sinar matahari.",
    ],
    items: [
      {
        title: "Kopi Arabika Gayo 250 gr",
        price: 85_000,
        weight: 300,
        photos: 2,
        description:
          "Kopi arabika dari dataran tinggi Gayo, Aceh, proses semi-washed dengan sangrai medium. Rasanya seimbang dengan aroma rempah, sedikit cokelat dan keasaman yang lembut. Isi 250 gr biji kopi sangrai dalam kemasan berkatup; bisa digiling gratis sesuai alat seduh, tulis di catatan pesanan.",
      },
      {
        title: "Kopi Robusta Lampung Biji dan Bubuk",
        price: 32_000,
        weight: 300,
        variants: {
          type1: "Berat",
          options1: [{ name: "250 gr" }, { name: "500 gr", price: 28_000, weight: 270 }, { name: "1 kg", price: 83_000, weight: 790 }],
          type2: "Jenis",
          options2: ["Biji Sangrai", "Bubuk"],
        },
      },
      "Kopi Arabika Java Preanger 200 gr",
      "Kopi Toraja Kalosi 250 gr",
      { title: "Kopi Bubuk Tubruk Robusta Temanggung 500 gr", weight: 560 },
      "Kopi Arabika Kintamani Bali 200 gr",
      { title: "Kopi Drip Bag Arabika Isi 10", weight: 200, dims: [20, 14, 8] },
    ],
  },
  {
    shop: "bandung",
    category: "sambal-kemasan",
    look: "jar",
    colour: "#c1121f",
    price: [22_000, 59_000],
    weight: [250, 420],
    about: [
      "Dimasak dengan cabai segar dan minyak baru, tanpa pengawet.",
      "Tahan 3 bulan di suhu ruang sebelum dibuka, simpan di kulkas setelah dibuka.",
      "Botol kaca dibungkus bubble wrap tebal agar aman di perjalanan.",
      "Cocok untuk teman nasi hangat, mi instan dan gorengan.",
    ],
    items: [
      { title: "Sambal Bawang Pedas Botol 150 gr", variants: { type1: "Level Pedas", options1: ["Sedang", "Pedas", "Extra Pedas"] } },
      "Sambal Roa Manado 200 gr",
      "Sambal Cumi Asin 150 gr",
      "Sambal Teri Medan 200 gr",
      "Sambal Matah Bali Kemasan 120 gr",
      "Sambal Bajak Terasi 250 gr",
      { title: "Sambal Ijo Khas Padang 200 gr", draft: true, photos: 0 },
    ],
  },
  {
    shop: "bandung",
    category: "kue-kering",
    look: "jar",
    colour: "#e9c46a",
    price: [75_000, 145_000],
    weight: [800, 1_000],
    dims: [20, 20, 15],
    about: [
      "Dibuat dengan mentega asli dan dipanggang sesuai pesanan.",
      "Isi dalam toples plastik tebal, dibungkus bubble wrap dan kardus.",
      "Tahan sekitar 1 bulan dalam toples tertutup.",
    ],
    items: ["Nastar Nanas Premium 500 gr", "Kastengel Keju Edam 450 gr", "Putri Salju Toples 400 gr"],
  },
  {
    shop: "bandung",
    category: "teh",
    look: "pouch",
    colour: "#588157",
    price: [15_000, 49_000],
    weight: [100, 200],
    about: ["Daun teh dari perkebunan di lereng Gunung Tangkuban Parahu.", "Seduh dengan air mendidih 3–5 menit.", "Nikmat diminum hangat maupun dingin."],
    items: ["Teh Hijau Celup Isi 25", "Teh Melati Tubruk 100 gr"],
  },
  {
    shop: "bandung",
    category: "dodol-jenang",
    look: "box",
    colour: "#6b4226",
    price: [25_000, 45_000],
    weight: [550, 650],
    about: ["Dodol legit dari ketan dan gula aren.", "Dibungkus per potong dengan kertas minyak.", "Cocok untuk oleh-oleh keluarga."],
    items: ["Dodol Garut Aneka Rasa 500 gr"],
  },
  {
    shop: "bandung",
    category: "rendang-kemasan",
    look: "jar",
    colour: "#6b2c1a",
    price: [65_000, 95_000],
    weight: [300, 400],
    about: ["Daging sapi dimasak berjam-jam dengan bumbu Minang.", "Dikemas vakum, tahan 6 bulan tanpa kulkas.", "Tinggal dihangatkan sebelum disajikan."],
    items: ["Rendang Daging Sapi Kemasan 200 gr"],
  },
  // ------------------------------------------------------------------ Gamis Cantik Bandung: rumah tangga
  {
    shop: "bandung",
    category: "sprei",
    look: "folded",
    colour: "#a3c4f3",
    price: [99_000, 289_000],
    weight: [900, 1_600],
    dims: [35, 28, 8],
    about: ["Katun lembut yang adem dan menyerap keringat.", "Karet di keempat sudut, pas untuk kasur setebal 20–30 cm.", "Sudah termasuk dua sarung bantal dan satu sarung guling.", "Warna tidak luntur setelah dicuci."],
    items: [
      { title: "Sprei Katun Jepang Motif Bunga", price: 129_000, weight: 1_100, variants: { type1: "Ukuran", options1: [{ name: "120 x 200" }, { name: "160 x 200", price: 30_000, weight: 200 }, { name: "180 x 200", price: 45_000, weight: 300 }] } },
      "Sprei Set Microtex Polos Abu",
      "Bed Cover Set Katun Rumbai",
    ],
  },
  {
    shop: "bandung",
    category: "bantal-guling",
    look: "pillow",
    colour: "#f5f5f0",
    price: [45_000, 129_000],
    weight: [900, 1_400],
    dims: [60, 40, 20],
    about: ["Isi dakron silikon yang empuk dan tidak menggumpal.", "Sarung katun yang bisa dilepas dan dicuci.", "Dikirim dalam plastik vakum; mengembang sempurna dalam 24 jam."],
    items: ["Bantal Tidur Dacron Premium 45 x 65", "Guling Silikon Hotel Putih"],
  },
  {
    shop: "bandung",
    category: "handuk",
    look: "folded",
    colour: "#90e0ef",
    price: [25_000, 89_000],
    weight: [250, 700],
    about: ["Serat katun yang tebal dan cepat menyerap air.", "Tidak berbulu rontok meski sering dicuci.", "Warna tidak luntur."],
    items: ["Handuk Mandi Katun 70 x 140 cm"],
  },
  {
    shop: "bandung",
    category: "karpet",
    look: "folded",
    colour: "#8d99ae",
    price: [129_000, 299_000],
    weight: [2_500, 3_500],
    dims: [160, 25, 25],
    about: ["Bulu lembut dan tebal, nyaman untuk duduk lesehan.", "Bagian bawah berlapis anti slip.", "Dikirim digulung dalam plastik tebal."],
    items: ["Karpet Bulu Lembut 150 x 200 cm Abu"],
  },
  {
    shop: "bandung",
    category: "keset",
    look: "mat",
    colour: "#8d99ae",
    price: [19_000, 49_000],
    weight: [200, 450],
    about: ["Cepat menyerap air dan kotoran dari alas kaki.", "Bagian bawah karet anti slip.", "Bisa dicuci dengan mesin cuci."],
    items: ["Keset Kaki Microfiber Anti Slip"],
  },

  // ------------------------------------------------------------------ Elektronik Jaya Surabaya: aksesoris HP
  {
    shop: "jaya",
    category: "power-bank",
    look: "powerbank",
    colour: "#262626",
    price: [79_000, 329_000],
    weight: [250, 650],
    dims: [16, 9, 4],
    about: [
      "Sel baterai lithium polymer dengan proteksi suhu, arus lebih dan korsleting.",
      "Indikator LED menunjukkan sisa daya.",
      "Boleh dibawa ke kabin pesawat (di bawah 100 Wh).",
      "Sudah termasuk kabel USB-C pendek.",
    ],
    items: [
      {
        title: "Power Bank 10000 mAh Fast Charging",
        price: 149_000,
        weight: 350,
        photos: 3,
        description:
          "Power bank 10000 mAh dengan pengisian cepat 22,5 W lewat port USB-C PD dan USB-A QC 3.0. Bisa mengisi dua perangkat sekaligus, dengan layar digital yang menunjukkan sisa daya dalam persen. Sudah termasuk kabel USB-C dan garansi toko 6 bulan.",
      },
      { title: "Power Bank 20000 mAh PD 22.5W", variants: { type1: "Warna", options1: ["Hitam", "Putih"] } },
      "Power Bank Mini 5000 mAh Slim",
      "Power Bank Magnetic Wireless 5000 mAh",
      { title: "Power Bank 30000 mAh 3 Output", weight: 750 },
      "Power Bank Solar Outdoor 20000 mAh",
    ],
  },
  {
    shop: "jaya",
    category: "charger-handphone",
    look: "charger",
    colour: "#f5f5f0",
    price: [35_000, 249_000],
    weight: [80, 250],
    about: ["Proteksi panas berlebih dan arus pendek.", "Kompatibel dengan HP Android dan iPhone yang mendukung USB PD.", "Garansi toko 3 bulan, tukar baru bila rusak bawaan pabrik."],
    items: ["Charger USB-C PD 20W", "Kepala Charger Fast Charging 33W", "Charger Mobil Dual USB 3.1A", "Charger GaN 65W 3 Port", "Charger Wireless 15W Pad", "Adaptor Charger 2 USB 2.4A"],
  },
  {
    shop: "jaya",
    category: "kabel-data",
    look: "cable",
    colour: "#262626",
    price: [15_000, 89_000],
    weight: [50, 120],
    about: ["Kabel berlapis nilon yang tidak mudah putus.", "Mendukung pengisian cepat dan transfer data.", "Konektor logam yang kokoh, tidak mudah longgar."],
    items: [
      { title: "Kabel Data USB-C ke USB-C 60W", price: 39_000, variants: { type1: "Panjang", options1: [{ name: "1 m" }, { name: "2 m", price: 10_000, weight: 25 }] } },
      "Kabel Data Lightning 1 m Braided",
      "Kabel Data Micro USB 1 m",
      "Kabel Data 3 in 1 Nilon",
      "Kabel Data USB-C Magnetik 1 m",
      "Kabel Data Spiral Pendek 30 cm",
    ],
  },
  {
    shop: "jaya",
    category: "casing-handphone",
    look: "phone",
    colour: "#2a9d8f",
    price: [15_000, 79_000],
    weight: [50, 120],
    about: ["Sebutkan tipe HP di catatan pesanan atau tanyakan stok lewat chat.", "Melindungi sudut HP dari benturan.", "Lubang kamera dan tombol presisi."],
    items: [
      { title: "Casing HP Silikon Lembut Polos", price: 25_000, variants: { type1: "Warna", options1: ["Hitam", "Navy", "Merah", "Hijau Sage", "Lilac"] } },
      "Case HP Anti Crack Bening",
      "Casing HP Armor Shockproof Hitam",
      "Case HP Kulit Flip Cover Cokelat",
      "Softcase Motif Batik Kawung",
    ],
  },
  {
    shop: "jaya",
    category: "pelindung-layar",
    look: "phone",
    colour: "#a8dadc",
    price: [10_000, 59_000],
    weight: [50, 100],
    about: ["Kekerasan 9H, tahan gores dari kunci dan koin.", "Mudah dipasang sendiri tanpa gelembung udara.", "Sudah termasuk kain pembersih dan stiker debu."],
    items: ["Tempered Glass Full Cover 9H", "Tempered Glass Tablet 10 Inch", "Anti Gores Privacy Anti Spy", "Hydrogel Anti Gores Matte", "Pelindung Lensa Kamera HP"],
  },
  {
    shop: "jaya",
    category: "holder-handphone",
    look: "phone",
    colour: "#457b9d",
    price: [25_000, 189_000],
    weight: [150, 900],
    about: ["Penjepit kuat untuk HP 4,7 sampai 6,9 inci.", "Bisa diputar 360 derajat.", "Bahan plastik ABS dan aluminium yang kokoh."],
    items: [
      "Holder HP Motor Anti Getar",
      "Holder HP Mobil Dashboard Magnetic",
      "Stand HP Meja Lipat Aluminium",
      { title: "Tripod HP 1,7 m dengan Remote", weight: 900, dims: [60, 10, 10] },
      { title: "Ring Light 26 cm dengan Holder HP", weight: 1_100, dims: [30, 30, 12] },
    ],
  },
  {
    shop: "jaya",
    category: "handphone-fitur",
    look: "phone",
    colour: "#8ecae6",
    price: [199_000, 399_000],
    weight: [250, 400],
    about: ["Baterai tahan berhari-hari.", "Dual SIM dan radio FM tanpa headset.", "Cocok untuk orang tua atau HP cadangan."],
    items: ["HP Jadul Dual SIM Baterai Tahan Lama", "HP Lipat Lansia Tombol Besar"],
  },
  {
    shop: "jaya",
    category: "smartphone-android",
    look: "phone",
    colour: "#3a86ff",
    price: [899_000, 2_799_000],
    weight: [400, 550],
    about: ["IMEI terdaftar resmi dan bisa dicek.", "Kelengkapan: unit, kepala charger dan kabel data.", "Layar jernih dan baterai masih awet."],
    items: [
      { title: "HP Android Bekas RAM 4/64 GB Mulus", used: true, price: 1_199_000 },
      { title: "HP Android 6,5 Inch RAM 8/128 GB", price: 2_499_000 },
      { title: "HP Android Anak Bekas RAM 3/32 GB", used: true, price: 699_000 },
    ],
  },
  {
    shop: "jaya",
    category: "tablet-android",
    look: "phone",
    colour: "#4361ee",
    price: [1_499_000, 2_299_000],
    weight: [800, 1_100],
    dims: [30, 20, 6],
    about: ["Layar lebar untuk belajar daring dan menonton.", "Mendukung kartu memori sampai 512 GB.", "Kelengkapan: unit, charger dan buku panduan."],
    items: ["Tablet Android 10 Inch RAM 4/64 GB"],
  },
  {
    shop: "jaya",
    category: "baterai-handphone",
    look: "powerbank",
    colour: "#6c757d",
    price: [59_000, 129_000],
    weight: [80, 150],
    about: ["Kapasitas sesuai standar, bukan tempelan.", "Pemasangan sebaiknya di tempat servis.", "Garansi toko 1 bulan."],
    items: ["Baterai HP Pengganti 4000 mAh"],
  },
  // ------------------------------------------------------------------ Elektronik Jaya Surabaya: audio, TV, kamera
  {
    shop: "jaya",
    category: "earphone-tws",
    look: "earbuds",
    colour: "#f5f5f0",
    price: [39_000, 399_000],
    weight: [100, 250],
    about: ["Bluetooth 5.3, koneksi stabil dan hemat baterai.", "Tahan cipratan air, aman untuk olahraga.", "Mikrofon jernih untuk telepon dan rapat daring.", "Garansi toko 3 bulan."],
    items: [
      { title: "TWS Bluetooth 5.3 Active Noise Cancelling", variants: { type1: "Warna", options1: ["Putih", "Hitam"] } },
      "TWS Bluetooth Gaming Low Latency Hitam",
      "Neckband Bluetooth Olahraga",
      "TWS Open Ear Clip",
      { title: "TWS Bluetooth Edisi Terbatas", draft: true, photos: 1 },
    ],
  },
  {
    shop: "jaya",
    category: "earphone-tws",
    look: "cable",
    colour: "#262626",
    price: [19_000, 89_000],
    weight: [40, 90],
    about: ["Tanpa Bluetooth, tinggal colok dan langsung bunyi.", "Mikrofon dan tombol di kabel untuk menerima telepon.", "Kabel lentur yang tidak mudah kusut."],
    items: ["Earphone Kabel Jack 3.5 mm dengan Mic", "Earphone Type-C Bass"],
  },
  {
    shop: "jaya",
    category: "headphone",
    look: "headphone",
    colour: "#262626",
    price: [79_000, 449_000],
    weight: [300, 600],
    dims: [22, 20, 9],
    about: ["Bantalan telinga empuk, nyaman dipakai berjam-jam.", "Bisa dilipat dan dibawa dengan kantong.", "Suara bass yang tebal dan detail."],
    items: ["Headphone Bluetooth Lipat Bass", "Headphone Kabel Studio Monitor", "Headphone Anak Volume Terbatas Biru"],
  },
  {
    shop: "jaya",
    category: "speaker-bluetooth",
    look: "speaker",
    colour: "#264653",
    price: [89_000, 899_000],
    weight: [400, 1_500],
    about: ["Suara lantang dengan bass yang terasa.", "Bisa dipakai sambil diisi daya.", "Bisa disambungkan lewat Bluetooth, kartu memori dan AUX."],
    used: 0,
    items: [
      "Speaker Bluetooth Portable Tahan Air",
      "Speaker Bluetooth Mini Lampu RGB",
      { title: "Speaker Karaoke Portable 8 Inch dengan Mic", price: 549_000, weight: 5_200, dims: [35, 30, 50] },
      { title: "Speaker Bluetooth Bekas Mulus", used: true, price: 149_000 },
      "Speaker Aktif Meja Komputer",
      { title: "Speaker Bluetooth Outdoor Party Lampu", weight: 2_600, dims: [35, 25, 25] },
    ],
  },
  {
    shop: "jaya",
    category: "soundbar",
    look: "speaker",
    colour: "#262626",
    price: [699_000, 999_000],
    weight: [4_500, 5_500],
    dims: [90, 30, 35],
    about: ["Subwoofer terpisah untuk bass yang menggelegar.", "Sambungan HDMI ARC, optik dan Bluetooth.", "Dikirim dengan kardus asli dan kayu pelindung bila diminta."],
    items: ["Soundbar TV 2.1 Channel Subwoofer"],
  },
  {
    shop: "jaya",
    category: "smart-tv",
    look: "tv",
    colour: "#457b9d",
    price: [1_799_000, 3_499_000],
    weight: [6_000, 10_000],
    about: ["Sudah mendukung siaran TV digital tanpa set top box.", "Aplikasi streaming populer tersedia.", "Pengiriman wajib packing kayu demi keamanan layar.", "Garansi resmi 1 tahun untuk panel."],
    items: [
      { title: "Smart TV 32 Inch Android HD", price: 1_899_000, weight: 6_500, dims: [82, 52, 14] },
      { title: "Smart TV 43 Inch Full HD", price: 3_199_000, weight: 9_500, dims: [105, 65, 15] },
      { title: "Smart TV 50 Inch 4K UHD", price: 4_799_000, weight: 13_500, dims: [118, 74, 16] },
    ],
  },
  {
    shop: "jaya",
    category: "bracket-tv",
    look: "tv",
    colour: "#adb5bd",
    price: [59_000, 249_000],
    weight: [900, 2_500],
    about: ["Besi tebal dengan cat anti karat.", "Sudah termasuk baut dan fisher.", "Mengikuti standar lubang VESA."],
    items: ["Bracket TV Dinding 14–42 Inch", "Bracket TV Swivel 32–55 Inch"],
  },
  {
    shop: "jaya",
    category: "set-top-box",
    look: "box",
    colour: "#262626",
    price: [149_000, 399_000],
    weight: [400, 600],
    about: ["Menerima siaran TV digital DVB-T2 gratis.", "Bisa merekam acara ke flashdisk.", "Sudah termasuk remote, adaptor dan kabel HDMI."],
    items: ["Set Top Box DVB-T2 TV Digital", "Android TV Box 4K"],
  },
  {
    shop: "jaya",
    category: "antena-tv",
    look: "tv",
    colour: "#6c757d",
    price: [45_000, 189_000],
    weight: [300, 1_500],
    about: ["Menangkap siaran TV digital UHF dengan jernih.", "Mudah dipasang sendiri.", "Kabel coaxial sudah termasuk."],
    items: ["Antena TV Digital Indoor", { title: "Antena TV Digital Outdoor UHF", weight: 1_200, dims: [90, 30, 10] }],
  },
  {
    shop: "jaya",
    category: "cctv",
    look: "cctv",
    colour: "#f5f5f0",
    price: [149_000, 449_000],
    weight: [350, 700],
    about: ["Pantau rumah dari HP lewat aplikasi.", "Mode malam inframerah dan deteksi gerak.", "Rekaman tersimpan di kartu memori hingga 128 GB."],
    items: ["Kamera CCTV WiFi 360 Derajat 2 MP", "Kamera CCTV Outdoor Tahan Air 4 MP", "Kamera CCTV Bohlam WiFi", "Kamera CCTV Bayi dengan Layar Monitor"],
  },
  {
    shop: "jaya",
    category: "action-camera",
    look: "camera",
    colour: "#262626",
    price: [449_000, 1_299_000],
    weight: [300, 500],
    about: ["Rekaman 4K dengan stabilisasi gambar.", "Casing tahan air sampai 30 m.", "Sudah termasuk baterai cadangan dan aneka mounting."],
    items: ["Action Camera 4K Waterproof", { title: "Action Camera Bekas Lengkap", used: true, price: 399_000 }],
  },
  {
    shop: "jaya",
    category: "kamera-mirrorless",
    look: "camera",
    colour: "#343a40",
    price: [4_500_000, 6_500_000],
    weight: [900, 1_200],
    dims: [25, 18, 15],
    about: ["Shutter count rendah dan sensor bersih.", "Kelengkapan: body, lensa kit, baterai, charger dan tali.", "Bisa COD di toko untuk cek langsung."],
    items: [{ title: "Kamera Mirrorless Bekas 24 MP Lensa Kit", used: true, price: 4_850_000 }],
  },
  // ------------------------------------------------------------------ Elektronik Jaya Surabaya: elektronik rumah tangga
  {
    shop: "jaya",
    category: "kipas-angin",
    look: "fan",
    colour: "#a8dadc",
    price: [49_000, 449_000],
    weight: [3_000, 6_000],
    dims: [70, 45, 18],
    about: ["Tiga kecepatan dengan putaran kepala kiri-kanan.", "Motor dinamo tembaga yang awet dan tidak berisik.", "Dikirim dalam kardus asli, perakitan mudah tanpa alat khusus.", "Garansi toko 1 tahun untuk dinamo."],
    items: [
      { title: "Kipas Angin Berdiri 16 Inch", price: 289_000, weight: 4_800 },
      { title: "Kipas Angin Meja 12 Inch", price: 149_000, weight: 2_400, dims: [40, 35, 20] },
      { title: "Kipas Angin Dinding 16 Inch", price: 229_000, weight: 3_200, dims: [48, 45, 16] },
      { title: "Kipas Angin Mini USB Portable", price: 49_000, weight: 300, dims: null },
      { title: "Kipas Angin Tower Remote 36 Inch", price: 449_000, weight: 5_000, dims: [100, 25, 25] },
      { title: "Kipas Angin Tornado 20 Inch", draft: true, photos: 0, price: 449_000, weight: 7_000, dims: [60, 55, 25] },
    ],
  },
  {
    shop: "jaya",
    category: "setrika",
    look: "iron",
    colour: "#3a86ff",
    price: [99_000, 449_000],
    weight: [1_200, 3_500],
    about: ["Alas anti lengket yang licin di semua jenis kain.", "Pengatur suhu untuk katun, sutra hingga wol.", "Daya rendah, aman untuk listrik rumah 450–900 VA."],
    items: [
      "Setrika Listrik Anti Lengket",
      {
        title: "Garment Steamer Berdiri 1,8 Liter",
        weight: 4_000,
        dims: [45, 30, 30],
        description: "Setrika uap berdiri untuk merapikan kemeja, gamis dan gorden tanpa papan setrika. Tangki air 1,8 liter cukup untuk sekitar 40 menit. Dikemas dengan kardus asli dan bubble wrap.",
      },
    ],
  },
  {
    shop: "jaya",
    category: "vacuum-cleaner",
    look: "iron",
    colour: "#e63946",
    price: [79_000, 699_000],
    weight: [500, 2_500],
    about: ["Daya hisap kuat untuk debu, rambut dan remah makanan.", "Filter bisa dicuci dan dipakai ulang.", "Baterai isi ulang lewat USB."],
    items: [{ title: "Vacuum Cleaner Tanpa Kabel Handheld", weight: 2_200, dims: [50, 20, 15] }, "Vacuum Cleaner Mini Mobil USB"],
  },
  {
    shop: "jaya",
    category: "ac",
    look: "box",
    colour: "#e9ecef",
    price: [2_999_000, 3_999_000],
    weight: [24_000, 28_000],
    dims: [50, 45, 80],
    about: ["Tidak perlu dipasang di dinding, cukup pasang selang pembuangan ke jendela.", "Pengiriman dengan kargo dan packing kayu; ongkir mengikuti berat volume.", "Garansi kompresor 3 tahun."],
    items: [{ title: "AC Portable 1 PK Low Watt", price: 3_299_000, weight: 25_000 }],
  },
  {
    shop: "jaya",
    category: "mesin-cuci",
    look: "box",
    colour: "#e9ecef",
    price: [1_399_000, 1_899_000],
    weight: [20_000, 26_000],
    dims: [80, 50, 95],
    about: ["Dua tabung: cuci dan pengering, kapasitas 7 kg.", "Daya rendah, cocok untuk listrik rumah 900 VA.", "Pengiriman dengan kargo; ongkir mengikuti berat volume."],
    items: [{ title: "Mesin Cuci 2 Tabung 7 Kg", price: 1_549_000, weight: 23_000 }],
  },
  {
    shop: "jaya",
    category: "lensa-kamera",
    look: "camera",
    colour: "#343a40",
    price: [999_000, 1_499_000],
    weight: [300, 450],
    about: ["Kaca bersih tanpa jamur maupun baret.", "Fokus otomatis berfungsi normal.", "Kelengkapan: lensa, tutup depan dan belakang."],
    items: [{ title: "Lensa Fix 50 mm f/1.8 Bekas", used: true, price: 1_150_000 }],
  },
  // ------------------------------------------------------------------ Elektronik Jaya Surabaya: komputer
  {
    shop: "jaya",
    category: "mouse",
    look: "mouse",
    colour: "#262626",
    price: [29_000, 249_000],
    weight: [100, 200],
    about: ["Nyaman digenggam untuk pemakaian seharian.", "Sensor optik presisi di berbagai permukaan.", "Garansi toko 3 bulan."],
    items: ["Mouse Wireless Silent Click", "Mouse Gaming RGB 7200 DPI", "Mouse Bluetooth Slim Rechargeable", "Mouse Kabel USB Kantor", "Mouse Vertical Ergonomis Wireless"],
  },
  {
    shop: "jaya",
    category: "keyboard",
    look: "keyboard",
    colour: "#343a40",
    price: [79_000, 499_000],
    weight: [400, 1_100],
    dims: [46, 16, 5],
    about: ["Tata letak standar dengan tombol yang empuk.", "Tombol multimedia untuk atur volume.", "Garansi toko 3 bulan."],
    items: ["Keyboard Mekanikal RGB Blue Switch", "Keyboard Wireless Slim Set Mouse", { title: "Keyboard Bluetooth Mini Tablet", dims: null, weight: 350 }, "Keyboard USB Kabel Standar Kantor"],
  },
  {
    shop: "jaya",
    category: "headset-gaming",
    look: "headphone",
    colour: "#d00000",
    price: [129_000, 399_000],
    weight: [450, 800],
    dims: [22, 20, 10],
    about: ["Suara surround untuk mendengar langkah lawan.", "Mikrofon bisa ditekuk dan dilepas.", "Lampu RGB lewat USB."],
    items: ["Headset Gaming RGB 7.1 Surround", "Headset Gaming Kabel Jack 3.5 mm"],
  },
  {
    shop: "jaya",
    category: "webcam",
    look: "cctv",
    colour: "#262626",
    price: [149_000, 449_000],
    weight: [200, 350],
    about: ["Gambar jernih untuk rapat daring dan kelas online.", "Mikrofon bawaan dengan peredam bising.", "Colok dan langsung pakai, tanpa driver."],
    items: ["Webcam Full HD 1080p dengan Mic", "Webcam 2K Autofocus"],
  },
  {
    shop: "jaya",
    category: "mousepad",
    look: "mat",
    colour: "#343a40",
    price: [19_000, 99_000],
    weight: [150, 500],
    about: ["Permukaan halus untuk gerakan mouse yang presisi.", "Bagian bawah karet anti slip.", "Tepi dijahit agar tidak mengelupas."],
    items: ["Mousepad Gaming XL 80 x 30 cm", "Mousepad Motif Batik Parang"],
  },
  {
    shop: "jaya",
    category: "flashdisk",
    look: "usb",
    colour: "#adb5bd",
    price: [35_000, 149_000],
    weight: [30, 80],
    about: ["Kapasitas asli, sudah dites penuh sebelum dikirim.", "Badan logam yang tahan banting.", "Garansi toko 1 tahun."],
    items: [
      { title: "Flashdisk USB 3.0 Metal", price: 45_000, variants: { type1: "Kapasitas", options1: [{ name: "32 GB" }, { name: "64 GB", price: 20_000 }, { name: "128 GB", price: 55_000 }] } },
      "Flashdisk OTG Type-C 64 GB",
      "Flashdisk Mini 16 GB",
    ],
  },
  {
    shop: "jaya",
    category: "kartu-memori",
    look: "usb",
    colour: "#e63946",
    price: [39_000, 299_000],
    weight: [20, 50],
    about: ["Kecepatan baca tinggi untuk kamera dan HP.", "Sudah termasuk adaptor SD.", "Garansi toko 1 tahun."],
    items: [{ title: "Kartu Memori MicroSD Class 10", price: 49_000, variants: { type1: "Kapasitas", options1: [{ name: "32 GB" }, { name: "64 GB", price: 25_000 }, { name: "128 GB", price: 70_000 }] } }, "Kartu Memori MicroSD 256 GB A2"],
  },
  {
    shop: "jaya",
    category: "harddisk-eksternal",
    look: "usb",
    colour: "#262626",
    price: [549_000, 999_000],
    weight: [250, 400],
    about: ["Sambungan USB 3.0 yang cepat.", "Kondisi sektor sudah dicek, tanpa bad sector.", "Sudah termasuk kabel dan pouch."],
    items: ["Harddisk Eksternal 1 TB USB 3.0", { title: "Harddisk Eksternal 2 TB Bekas", used: true, price: 599_000 }],
  },
  {
    shop: "jaya",
    category: "ssd",
    look: "usb",
    colour: "#495057",
    price: [299_000, 899_000],
    weight: [80, 150],
    about: ["Membuat laptop lama terasa jauh lebih cepat.", "Garansi distributor 3 tahun.", "Bisa dibantu instal ulang sistem bila datang ke toko."],
    items: ["SSD SATA 256 GB 2,5 Inch", "SSD NVMe M.2 512 GB"],
  },
  {
    shop: "jaya",
    category: "ram",
    look: "usb",
    colour: "#2a9d8f",
    price: [249_000, 649_000],
    weight: [50, 100],
    about: ["Sudah dites stabil sebelum dikirim.", "Cek kecocokan dengan motherboard lewat chat.", "Garansi toko 1 tahun."],
    items: ["RAM Laptop DDR4 8 GB 3200 MHz", "RAM PC DDR4 16 GB 3200 MHz"],
  },
  {
    shop: "jaya",
    category: "laptop-kantor",
    look: "laptop",
    colour: "#8ecae6",
    price: [2_999_000, 5_999_000],
    weight: [2_200, 3_000],
    dims: [45, 32, 8],
    about: ["Cocok untuk mengetik, spreadsheet dan rapat daring.", "Sudah terinstal sistem operasi dan siap pakai.", "Kelengkapan: unit dan charger original."],
    items: [{ title: "Laptop Kantor Bekas Core i5 RAM 8 GB", used: true, price: 3_450_000 }, { title: "Laptop Kantor 14 Inch Celeron RAM 4 GB", price: 3_199_000 }],
  },
  {
    shop: "jaya",
    category: "laptop-gaming",
    look: "laptop",
    colour: "#d00000",
    price: [8_999_000, 12_999_000],
    weight: [3_500, 4_200],
    dims: [50, 35, 10],
    about: ["Kartu grafis terpisah untuk game dan desain.", "Layar 144 Hz.", "Kelengkapan: unit, charger dan kardus."],
    items: [{ title: "Laptop Gaming Bekas RTX 3050", used: true, draft: true, photos: 1, price: 8_999_000 }],
  },
  {
    shop: "jaya",
    category: "printer-inkjet",
    look: "printer",
    colour: "#343a40",
    price: [899_000, 2_499_000],
    weight: [5_000, 7_000],
    dims: [50, 40, 30],
    about: ["Sistem tinta infus yang hemat untuk cetak banyak.", "Bisa cetak, pindai dan fotokopi.", "Sudah termasuk satu set tinta."],
    items: [{ title: "Printer Inkjet Tinta Infus Bekas", used: true, price: 1_150_000 }, { title: "Printer Inkjet Multifungsi WiFi", price: 2_199_000 }],
  },
  {
    shop: "jaya",
    category: "printer-thermal",
    look: "printer",
    colour: "#f5f5f0",
    price: [249_000, 899_000],
    weight: [600, 1_800],
    about: ["Tanpa tinta, cukup kertas thermal.", "Cocok untuk mencetak struk dan label resi toko online.", "Tersambung lewat Bluetooth dan USB."],
    items: ["Printer Thermal Bluetooth 58 mm", { title: "Printer Label Resi Thermal 80 mm", weight: 1_700, dims: [30, 25, 20] }],
  },
  {
    shop: "jaya",
    category: "power-supply",
    look: "box",
    colour: "#262626",
    price: [399_000, 699_000],
    weight: [1_800, 2_400],
    about: ["Sertifikasi 80+ Bronze, efisien dan tidak panas.", "Kipas 12 cm yang senyap.", "Garansi distributor 3 tahun."],
    items: ["Power Supply 550 Watt 80+ Bronze"],
  },
  {
    shop: "jaya",
    category: "vga-card",
    look: "usb",
    colour: "#262626",
    price: [1_299_000, 1_799_000],
    weight: [900, 1_200],
    dims: [30, 18, 8],
    about: ["Kartu grafis bekas pakai kantor, tidak pernah untuk menambang.", "Sudah dites game berat selama satu jam.", "Garansi toko 1 bulan."],
    items: [{ title: "VGA Card GTX 1650 4 GB Bekas", used: true, price: 1_450_000 }],
  },
  {
    shop: "jaya",
    category: "casing-pc",
    look: "box",
    colour: "#262626",
    price: [399_000, 699_000],
    weight: [5_000, 6_000],
    dims: [48, 42, 25],
    about: ["Panel samping kaca tempered.", "Sudah termasuk tiga kipas RGB.", "Dikirim dengan kardus asli dan styrofoam."],
    items: ["Casing PC Gaming Kaca Samping"],
  },
  {
    shop: "jaya",
    category: "tinta-toner",
    look: "bottle",
    colour: "#3a0ca3",
    price: [45_000, 120_000],
    weight: [450, 550],
    about: ["Warna tajam dan cepat kering.", "Cocok untuk printer tinta infus.", "Botol bertutup rapat, dibungkus plastik agar tidak bocor."],
    items: ["Tinta Refill Printer 4 Warna 100 ml"],
  },
  // ------------------------------------------------------------------ Elektronik Jaya Surabaya: kelistrikan
  {
    shop: "jaya",
    category: "lampu-led",
    look: "bulb",
    colour: "#ffd166",
    price: [15_000, 129_000],
    weight: [80, 400],
    about: ["Hemat listrik hingga 80% dibanding lampu pijar.", "Cahaya terang dan tidak berkedip.", "Umur pakai hingga 15.000 jam.", "Garansi toko 1 tahun, tukar baru bila mati."],
    items: [
      { title: "Lampu LED Bohlam 12 Watt Putih", variants: { type1: "Daya", options1: [{ name: "9 Watt" }, { name: "12 Watt", price: 4_000 }, { name: "18 Watt", price: 10_000, weight: 20 }] } },
      "Lampu Emergency LED Otomatis",
      "Lampu Tidur LED Sensor Gerak",
      { title: "Lampu Sorot LED 50 Watt Outdoor", weight: 900 },
      "Lampu LED Strip 5 Meter RGB",
    ],
  },
  {
    shop: "jaya",
    category: "stop-kontak-saklar",
    look: "strip",
    colour: "#f5f5f0",
    price: [35_000, 199_000],
    weight: [250, 1_500],
    about: ["Sudah berstandar SNI.", "Dilengkapi pengaman arus.", "Pemasangan mudah, panduan disertakan."],
    items: ["Stop Kontak 4 Lubang dengan USB", { title: "Kabel Roll 10 Meter 4 Lubang", weight: 1_400 }, "Saklar Pintar WiFi Tanpa Netral"],
  },
  {
    shop: "jaya",
    category: "kabel-listrik",
    look: "cable",
    colour: "#f5f5f0",
    price: [79_000, 149_000],
    weight: [1_000, 1_400],
    about: ["Kabel tembaga murni berstandar SNI.", "Isolasi ganda yang aman untuk instalasi rumah.", "Dijual per gulung 10 meter."],
    items: ["Kabel Listrik NYM 2 x 1,5 mm 10 Meter"],
  },
  // ------------------------------------------------------------------ Elektronik Jaya Surabaya: dapur & rumah
  {
    shop: "jaya",
    category: "rice-cooker",
    look: "pot",
    colour: "#f5f5f0",
    price: [149_000, 599_000],
    weight: [2_000, 4_000],
    dims: [35, 32, 30],
    about: ["Panci bagian dalam berlapis anti lengket.", "Otomatis menghangatkan nasi setelah matang.", "Daya rendah, aman untuk listrik rumah.", "Garansi toko 1 tahun."],
    items: [{ title: "Rice Cooker 1,8 Liter Penghangat", price: 249_000, weight: 3_200 }, { title: "Rice Cooker Mini 0,6 Liter", weight: 1_500, dims: [25, 22, 22] }, "Rice Cooker Digital 2 Liter Anti Lengket"],
  },
  {
    shop: "jaya",
    category: "oven",
    look: "printer",
    colour: "#343a40",
    price: [499_000, 899_000],
    weight: [6_000, 7_500],
    dims: [50, 38, 35],
    about: ["Pemanas atas dan bawah dengan pengatur suhu hingga 230 °C.", "Timer 60 menit dengan bel.", "Sudah termasuk loyang dan rak panggangan."],
    items: ["Oven Listrik 20 Liter"],
  },
  {
    shop: "jaya",
    category: "blender",
    look: "blender",
    colour: "#e63946",
    price: [99_000, 449_000],
    weight: [800, 3_500],
    dims: [25, 25, 42],
    about: ["Pisau stainless empat mata yang tajam.", "Pengaman otomatis, mesin hanya menyala bila tabung terpasang.", "Tabung mudah dilepas dan dicuci."],
    items: ["Blender Kaca 1,5 Liter 2 Tabung", { title: "Blender Portable USB 350 ml", weight: 600, dims: null }],
  },
  {
    shop: "jaya",
    category: "air-fryer",
    look: "pot",
    colour: "#262626",
    price: [399_000, 899_000],
    weight: [3_000, 5_000],
    dims: [38, 33, 35],
    about: ["Menggoreng dengan sedikit atau tanpa minyak.", "Pengatur suhu dan timer hingga 60 menit.", "Keranjang anti lengket, mudah dicuci."],
    items: [{ title: "Air Fryer 4 Liter Digital", price: 649_000, weight: 4_800 }, { title: "Air Fryer Mini 2 Liter", price: 429_000, weight: 3_100, dims: [30, 28, 30] }],
  },
  {
    shop: "jaya",
    category: "mixer",
    look: "blender",
    colour: "#f5f5f0",
    price: [129_000, 299_000],
    weight: [1_200, 1_800],
    dims: [30, 20, 15],
    about: ["Tujuh tingkat kecepatan dan tombol turbo.", "Sudah termasuk pengocok dan pengaduk adonan roti.", "Cocok untuk membuat kue rumahan."],
    items: ["Mixer Roti Tangan 7 Kecepatan"],
  },
  {
    shop: "jaya",
    category: "kompor-listrik",
    look: "pan",
    colour: "#262626",
    price: [199_000, 499_000],
    weight: [2_000, 3_200],
    dims: [40, 35, 12],
    about: ["Daya bisa diatur mulai 350 watt.", "Permukaan kaca yang mudah dibersihkan.", "Otomatis mati bila tidak ada panci."],
    items: ["Kompor Listrik Induksi 350 Watt", "Kompor Listrik Hot Plate 1 Tungku"],
  },
  {
    shop: "jaya",
    category: "panci",
    look: "pot",
    colour: "#adb5bd",
    price: [149_000, 499_000],
    weight: [2_000, 5_000],
    dims: [40, 40, 30],
    about: ["Stainless steel tebal yang tidak berkarat.", "Bisa dipakai di kompor gas dan induksi.", "Gagang tahan panas dan tidak goyang."],
    items: ["Panci Set Stainless 5 in 1", { title: "Panci Presto 8 Liter", weight: 3_800, dims: [35, 35, 30] }],
  },
  {
    shop: "jaya",
    category: "wajan",
    look: "pan",
    colour: "#343a40",
    price: [99_000, 299_000],
    weight: [1_200, 2_800],
    dims: [52, 32, 10],
    about: ["Dasar tebal sehingga panas merata.", "Gagang yang tidak ikut panas.", "Bisa dipakai di kompor gas dan induksi."],
    items: ["Wajan Anti Lengket 28 cm", "Wajan Besi Cor 30 cm"],
  },
  {
    shop: "jaya",
    category: "tumbler",
    look: "tumbler",
    colour: "#2a9d8f",
    price: [49_000, 149_000],
    weight: [300, 500],
    about: ["Menjaga minuman tetap panas 12 jam dan dingin 24 jam.", "Stainless steel food grade, bebas BPA.", "Tutup rapat, tidak bocor di dalam tas."],
    items: [{ title: "Tumbler Stainless 500 ml Tahan Panas Dingin", variants: { type1: "Warna", options1: ["Hitam", "Putih", "Sage", "Navy"] } }, "Tumbler Kopi Digital Suhu LED"],
  },
  {
    shop: "jaya",
    category: "jam-dinding",
    look: "clock",
    colour: "#262626",
    price: [49_000, 199_000],
    weight: [600, 1_200],
    dims: [35, 35, 8],
    about: ["Jarum detik sweep yang tidak berdetak.", "Cukup satu baterai AA, awet sampai setahun.", "Dikemas dengan kardus tebal dan busa pelindung."],
    items: [
      "Jam Dinding Minimalis 30 cm Sweep",
      { title: "Jam Dinding Digital LED", description: "Jam dinding digital dengan angka LED besar yang terlihat dari jauh, lengkap dengan tanggal dan suhu ruangan. Memakai adaptor listrik, dengan baterai cadangan agar jam tidak hilang saat listrik padam. Dikirim dari Surabaya setiap hari kerja." },
    ],
  },
  {
    shop: "jaya",
    category: "rak-serbaguna",
    look: "shelf",
    colour: "#343a40",
    price: [89_000, 299_000],
    weight: [1_800, 4_000],
    dims: [62, 32, 12],
    about: ["Rangka besi dengan cat anti karat.", "Dikirim terurai, mudah dirakit tanpa baut.", "Setiap susun kuat menahan beban sampai 25 kg."],
    items: [{ title: "Rak Serbaguna Besi 4 Susun", weight: 3_200 }, { title: "Rak Sepatu Susun 5 Tingkat", weight: 1_900, dims: [60, 22, 10] }],
  },
  {
    shop: "jaya",
    category: "lemari-plastik",
    look: "shelf",
    colour: "#a8dadc",
    price: [249_000, 449_000],
    weight: [5_000, 6_500],
    dims: [50, 45, 20],
    about: ["Plastik tebal yang tidak mudah retak.", "Laci mudah ditarik dan bisa dikunci.", "Dikirim terurai dengan panduan perakitan."],
    items: ["Lemari Plastik Laci 4 Susun"],
  },
  {
    shop: "jaya",
    category: "lampu-motor",
    look: "bulb",
    colour: "#f5f5f0",
    price: [45_000, 99_000],
    weight: [100, 200],
    about: ["Cahaya putih terang dan fokus, tidak menyilaukan pengendara lain.", "Pasang langsung tanpa ubah kabel.", "Garansi toko 3 bulan."],
    items: ["Lampu Motor LED H4 Putih"],
  },
  {
    shop: "jaya",
    category: "aki-motor",
    look: "powerbank",
    colour: "#343a40",
    price: [189_000, 259_000],
    weight: [1_800, 2_200],
    about: ["Aki kering bebas perawatan, tidak perlu tambah air.", "Tanyakan kecocokan dengan tipe motor lewat chat.", "Garansi 6 bulan."],
    items: ["Aki Motor Kering 12V 5Ah"],
  },
  {
    shop: "jaya",
    category: "bor-listrik",
    look: "iron",
    colour: "#2a9d8f",
    price: [249_000, 449_000],
    weight: [1_800, 2_500],
    dims: [32, 26, 9],
    about: ["Bisa untuk kayu, besi dan tembok (mode impact).", "Kecepatan bisa diatur dengan pelatuk.", "Sudah termasuk set mata bor."],
    items: ["Bor Listrik 10 mm 350 Watt"],
  },
  {
    shop: "jaya",
    category: "gerinda",
    look: "iron",
    colour: "#e76f51",
    price: [249_000, 399_000],
    weight: [2_000, 2_600],
    dims: [34, 14, 12],
    about: ["Motor tembaga 570 watt yang bertenaga.", "Sudah termasuk batu gerinda dan kunci.", "Garansi toko 6 bulan."],
    items: ["Gerinda Tangan 4 Inch"],
  },
  {
    shop: "jaya",
    category: "dashcam",
    look: "camera",
    colour: "#262626",
    price: [249_000, 699_000],
    weight: [250, 450],
    about: ["Merekam otomatis saat mobil menyala.", "Rekaman berulang, tidak perlu menghapus manual.", "Sensor benturan menyimpan rekaman kejadian."],
    items: ["Dashcam Mobil Full HD Layar 3 Inch", "Dashcam Depan Belakang WiFi"],
  },
];

const CLOSINGS: Record<ShopKey, string[]> = {
  bandung: [
    "Dikirim dari Bandung setiap hari Senin–Sabtu.",
    "Pesanan sebelum pukul 15.00 WIB dikirim di hari yang sama.",
    "Dikemas rapi dengan plastik tebal, aman sampai tujuan.",
    "Tanyakan stok warna dan ukuran lewat chat sebelum memesan.",
  ],
  jaya: [
    "Dikirim dari Surabaya setiap hari kerja.",
    "Pesanan sebelum pukul 14.00 WIB dikirim di hari yang sama.",
    "Dikemas dengan bubble wrap dan kardus tebal.",
    "Sertakan video unboxing bila ada klaim kerusakan.",
  ],
};

const USED_NOTES = [
  "Kondisi bekas pemakaian pribadi, mulus dan semua fungsi normal.",
  "Barang bekas dengan sedikit baret pemakaian wajar; sudah dicek sebelum dikirim.",
  "Second berkualitas, garansi toko 7 hari untuk fungsi.",
];

// ---------------------------------------------------------------------------------------------------
// From the data to products (pure, deterministic)

export interface DemoProductPlan {
  shop: ShopKey;
  category: string;
  look: Look;
  colour: string;
  title: string;
  description: string;
  condition: "new" | "used";
  price: number;
  stock: number;
  sku: string;
  weightGrams: number;
  dims: [number, number, number] | null;
  variantType1: string;
  variantType2: string;
  variants: { option1: string; option2: string | null; price: number; stock: number; sku: string; weightGrams: number }[];
  draft: boolean;
  photos: number;
  /** Days before now it went live (drafts: created). */
  ageDays: number;
  soldCount: number;
}

export function demoCatalogPlan(): DemoProductPlan[] {
  const plans: DemoProductPlan[] = [];
  const skuCounters: Record<ShopKey, number> = { bandung: 0, jaya: 0 };
  for (const family of FAMILIES) {
    for (const entry of family.items) {
      const item: Item = typeof entry === "string" ? { title: entry } : entry;
      const rnd = rng(item.title);
      const used = item.used ?? (family.used ? rnd() < family.used : false);
      const price = item.price ?? nicePrice(between(rnd, family.price[0], family.price[1]));
      const weight = item.weight ?? roundTo(between(rnd, family.weight[0], family.weight[1]), 10);
      const baseDims = item.dims === undefined ? family.dims : item.dims;
      const dims = baseDims ? (baseDims.map((d) => Math.max(1, Math.round(d * (0.95 + rnd() * 0.1)))) as [number, number, number]) : null;
      const draft = item.draft ?? false;
      const hasSku = rnd() < 0.6;
      const sku = hasSku ? `${DEMO_CATALOG_SHOPS[family.shop].sku}-${String(++skuCounters[family.shop]).padStart(4, "0")}` : "";
      const variants = item.variants ? expandVariants(item.variants, price, weight, sku, rnd) : [];
      const maxSold = price < 50_000 ? 2_500 : price < 200_000 ? 900 : price < 1_000_000 ? 250 : 40;
      const ageDays = draft ? 1 + Math.floor(rnd() * 14) : 1 + Math.floor(Math.pow(rnd(), 1.2) * 180);
      const soldCount = draft ? 0 : rnd() < 0.08 ? 0 : Math.round(Math.pow(rnd(), 2.4) * maxSold * Math.sqrt(ageDays / 180));
      const photos = item.photos ?? (draft ? (rnd() < 0.5 ? 0 : 1) : 1 + (rnd() < 0.1 ? 1 : 0) + (rnd() < 0.04 ? 1 : 0));
      plans.push({
        shop: family.shop,
        category: family.category,
        look: item.look ?? family.look,
        colour: colourOf(item.title, family.colour ?? "#6c757d"),
        title: item.title,
        description: item.description ?? describe(family, item.title, used, rnd),
        condition: used ? "used" : "new",
        price,
        stock: item.stock ?? (rnd() < 0.03 ? 0 : 3 + Math.floor(rnd() * (price < 50_000 ? 300 : price < 500_000 ? 80 : 12))),
        sku,
        weightGrams: weight,
        dims,
        variantType1: item.variants?.type1 ?? "",
        variantType2: item.variants?.type2 ?? "",
        variants,
        draft,
        photos,
        ageDays,
        soldCount,
      });
    }
  }
  return plans;
}

function expandVariants(spec: VariantSpec, price: number, weight: number, sku: string, rnd: () => number): DemoProductPlan["variants"] {
  const norm = (o: OptionSpec): Option => (typeof o === "string" ? { name: o } : o);
  const first = spec.options1.map(norm);
  const second = spec.options2?.map(norm) ?? [null];
  return first.flatMap((a) =>
    second.map((b) => ({
      option1: a.name,
      option2: b?.name ?? null,
      price: price + (a.price ?? 0) + (b?.price ?? 0),
      weightGrams: weight + (a.weight ?? 0) + (b?.weight ?? 0),
      stock: rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 40),
      sku: sku ? [sku, skuPart(a.name), b ? skuPart(b.name) : ""].filter(Boolean).join("-") : "",
    })),
  );
}

function skuPart(option: string) {
  return option.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 4);
}

function describe(family: Family, title: string, used: boolean, rnd: () => number): string {
  const about = shuffled(family.about, rnd).slice(0, 1 + Math.floor(rnd() * Math.min(3, family.about.length)));
  const closing = CLOSINGS[family.shop][Math.floor(rnd() * CLOSINGS[family.shop].length)];
  // Not the shop's name: "Gamis Cantik Bandung" in a description would match every search for "gamis".
  const sentences = [`${title}, ready stock dan siap kirim.`, ...about];
  if (used) sentences.push(USED_NOTES[Math.floor(rnd() * USED_NOTES.length)]);
  sentences.push(closing);
  // 2–4 sentences: drop the opening line when the rest already says enough.
  return (sentences.length > 4 || rnd() < 0.5 ? sentences.slice(1) : sentences).slice(0, 4).join(" ");
}

/** Prices as Indonesian sellers write them: 18.500, 48.900, 149.000, 1.299.000. */
function nicePrice(value: number): number {
  if (value < 10_000) return roundTo(value, 500);
  if (value < 100_000) {
    const rounded = roundTo(value, 1_000);
    return rounded % 2 === 0 ? rounded - 100 : rounded;
  }
  if (value < 1_000_000) return roundTo(value, 10_000) - 1_000;
  return roundTo(value, 50_000) - 1_000;
}

function roundTo(value: number, step: number) {
  return Math.max(step, Math.round(value / step) * step);
}

function between(rnd: () => number, min: number, max: number) {
  return min + rnd() * (max - min);
}

function shuffled<T>(items: T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** mulberry32, seeded by a string hash. */
function rng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COLOUR_WORDS: [string, string][] = [
  ["dusty pink", "#d8a7a7"],
  ["biru dongker", "#1f2d4d"],
  ["dark grey", "#4a4e55"],
  ["hitam", "#262626"],
  ["navy", "#1f2d4d"],
  ["maroon", "#7a1f2b"],
  ["putih", "#f5f5f0"],
  ["krem", "#e6d7b9"],
  ["mocca", "#a47551"],
  ["sage", "#9cae8f"],
  ["pink", "#f0a3b8"],
  ["abu", "#8a8f98"],
  ["toska", "#2aa198"],
  ["hijau", "#3c8d5a"],
  ["biru", "#2f6fb3"],
  ["merah", "#c62f2f"],
  ["cokelat", "#6b4226"],
  ["bening", "#dfe9ef"],
];

function colourOf(title: string, fallback: string) {
  const lower = title.toLowerCase();
  return COLOUR_WORDS.find(([word]) => new RegExp(`\\b${word}\\b`).test(lower))?.[1] ?? fallback;
}

// ---------------------------------------------------------------------------------------------------
// Seeding

export interface DemoCatalogResult {
  active: number;
  drafts: number;
  photos: number;
  seconds: number;
  /** CPU time of this process (image processing mostly), independent of the machine's load. */
  cpuSeconds: number;
}

export async function seedDemoCatalog(owners: { email: string; id: string }[]): Promise<DemoCatalogResult> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  await ensureCategoryTree(); // idempotent; app/cli/start.ts has normally done it already
  const tree = await categoryTree();
  const plans = demoCatalogPlan();
  const categoryIds = checkCategories(tree, plans);
  const ownerOf = new Map<ShopKey, { id: string }>();
  for (const key of Object.keys(DEMO_CATALOG_SHOPS) as ShopKey[]) {
    const owner = owners.find((o) => o.email === DEMO_CATALOG_SHOPS[key].email);
    if (!owner) throw new Error(`Demo catalog: no demo user ${DEMO_CATALOG_SHOPS[key].email}`);
    ownerOf.set(key, owner);
  }
  // Every form is checked before the first upload, so a bad entry fails at once instead of half-way.
  const fakePhotoIds = ["00000000-0000-4000-8000-000000000000"];
  for (const plan of plans) productForm(plan, categoryIds.get(plan.category)!, fakePhotoIds);

  const photos = new PhotoPalette(tree);
  let photoCount = 0;
  const saved = await inPool(plans, UPLOAD_CONCURRENCY, async (plan) => {
    const owner = ownerOf.get(plan.shop)!;
    const photoIds: string[] = [];
    for (const view of (["cover", "detail", "package"] as const).slice(0, plan.photos)) {
      photoIds.push((await uploadProductPhoto(owner, await photos.get(plan, view), { hourlyQuota: false })).id);
    }
    photoCount += photoIds.length;
    const { product, publishError } = await saveProduct(owner, productForm(plan, categoryIds.get(plan.category)!, photoIds));
    if (publishError) throw new Error(`Demo catalog: "${plan.title}" could not be published (${publishError})`);
    return { id: product.id, plan };
  });

  const now = Date.now();
  const day = 86_400_000;
  await setDemoListingHistory(
    saved.map(({ id, plan }) => {
      // A fixed time of day per product, so that products published on the same day still differ.
      const publishedAt = new Date(now - plan.ageDays * day + (rng(plan.title)() - 0.5) * day * 0.9);
      const createdAt = new Date(publishedAt.getTime() - (plan.draft ? 0 : Math.floor(rng(`${plan.title}|created`)() * 3 * day)));
      return { id, soldCount: plan.soldCount, publishedAt: plan.draft ? null : publishedAt, createdAt };
    }),
  );

  const result = {
    active: plans.filter((p) => !p.draft).length,
    drafts: plans.filter((p) => p.draft).length,
    photos: photoCount,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    cpuSeconds: (({ user, system }) => Math.round((user + system) / 100_000) / 10)(process.cpuUsage(cpuAtStart)),
  };
  process.stdout.write(
    `Demo catalog: ${result.active} active and ${result.drafts} draft products, ${result.photos} photos, in ${result.seconds} s (CPU ${result.cpuSeconds} s)\n`,
  );
  return result;
}

function checkCategories(tree: CategoryTree, plans: DemoProductPlan[]): Map<string, number> {
  const ids = new Map<string, number>();
  const problems: string[] = [];
  for (const slug of new Set(plans.map((p) => p.category))) {
    const node = tree.bySlug.get(slug);
    if (!node) problems.push(`${slug} (no such category)`);
    else if (node.level !== 3 || node.retired) problems.push(`${slug} (not a leaf in use)`);
    else ids.set(slug, node.id);
  }
  if (problems.length) throw new Error(`Demo catalog: unusable categories: ${problems.join(", ")}`);
  const titles = new Set<string>();
  for (const p of plans) {
    if (titles.has(p.title)) throw new Error(`Demo catalog: duplicate title "${p.title}"`);
    titles.add(p.title);
  }
  return ids;
}

/** The plan as the seller's form would submit it, parsed by the same schema as the real form. */
function productForm(plan: DemoProductPlan, categoryId: number, photoIds: string[]): ProductForm {
  const parsed = ProductFormSchema.safeParse({
    title: plan.title,
    description: plan.description,
    categoryId: String(categoryId),
    condition: plan.condition,
    price: String(plan.price),
    stock: String(plan.stock),
    sku: plan.variants.length ? "" : plan.sku,
    minOrder: "1",
    weightGrams: String(plan.weightGrams),
    lengthCm: plan.dims ? String(plan.dims[0]) : "",
    widthCm: plan.dims ? String(plan.dims[1]) : "",
    heightCm: plan.dims ? String(plan.dims[2]) : "",
    photoIds: photoIds.join(","),
    variantType1: plan.variantType1,
    variantType2: plan.variantType2,
    variantsJson: JSON.stringify(
      plan.variants.map((v) => ({ option1: v.option1, option2: v.option2, price: String(v.price), stock: String(v.stock), sku: v.sku, weightGrams: String(v.weightGrams) })),
    ),
    intent: plan.draft ? "draft" : "publish",
  });
  if (!parsed.success) throw new Error(`Demo catalog: "${plan.title}" is not a valid product: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** Runs fn over items, at most `limit` at a time; results in input order. Stops taking new items after a failure. */
async function inPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (!failed && next < items.length) {
        const i = next++;
        try {
          results[i] = await fn(items[i]);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------------
// Photos

type View = "cover" | "detail" | "package";

const FONT = "DejaVu Sans, Verdana, Arial, sans-serif";

/** Background gradient per top-level category. */
const BACKGROUNDS: Record<string, [string, string]> = {
  "fashion-muslim": ["#fdf0f3", "#f3c9d5"],
  "fashion-wanita": ["#fbeff7", "#e6c3dc"],
  "fashion-pria": ["#eef3fb", "#c5d4ec"],
  "handphone-tablet": ["#eef0fd", "#c9cff5"],
  "komputer-laptop": ["#f1f3f5", "#cfd6dd"],
  elektronik: ["#eaf7f7", "#bfe3e3"],
  kecantikan: ["#fff3ec", "#f6d2bf"],
  "makanan-minuman": ["#fff8e6", "#f5dc9e"],
  "rumah-tangga": ["#eef8ec", "#c8e6c2"],
  dapur: ["#fbf4e8", "#ead7b5"],
  otomotif: ["#eef1f4", "#c3ccd6"],
};

/**
 * Covers are drawn per product (with its name). Detail and package photos depend only on the drawing,
 * its colour and the category, so they are drawn once and reused.
 */
class PhotoPalette {
  private readonly cache = new Map<string, Promise<Buffer>>();
  constructor(private readonly tree: CategoryTree) {}

  get(plan: DemoProductPlan, view: View): Promise<Buffer> {
    const key = view === "cover" ? `cover|${plan.title}` : `${view}|${plan.look}|${plan.colour}|${plan.category}`;
    let image = this.cache.get(key);
    if (!image) {
      image = this.draw(plan, view);
      this.cache.set(key, image);
    }
    if (view === "cover") this.cache.delete(key); // used once
    return image;
  }

  private draw(plan: DemoProductPlan, view: View): Promise<Buffer> {
    const node = this.tree.bySlug.get(plan.category)!;
    const top = breadcrumb(this.tree, node.id)[0]?.slug ?? "";
    const [light, dark] = BACKGROUNDS[top] ?? ["#f4f4f4", "#d6d6d6"];
    const accent = accentFor(plan.colour);
    const drawing = LOOKS[plan.look](plan.colour, accent);
    let figure: string;
    let caption: string[];
    let captionSize: number;
    if (view === "cover") {
      figure = `<g transform="translate(300 245) scale(1.15) translate(-150 -150)">${drawing}</g>`;
      ({ lines: caption, size: captionSize } = wrap(plan.title, 540));
    } else if (view === "detail") {
      figure = `<g transform="translate(300 250) scale(1.75) translate(-150 -150)">${drawing}</g>`;
      caption = [node.name, "Detail produk"];
      captionSize = 28;
    } else {
      figure = `<g transform="translate(150 92)">${LOOKS.box("#c49a65", "#8c6a3d")}</g>
  <g transform="translate(198 250) skewY(23)"><rect width="88" height="62" rx="6" fill="#ffffff" fill-opacity="0.92"/>
  <g transform="translate(18 6) scale(0.17)">${drawing}</g></g>`;
      caption = [node.name, "Dikemas aman sebelum dikirim"];
      captionSize = 28;
    }
    const lineHeight = Math.round(captionSize * 1.25);
    const panelHeight = caption.length * lineHeight + 34;
    const panelY = 600 - 18 - panelHeight; // viewBox units; the image itself is PHOTO_PX wide
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PHOTO_PX}" height="${PHOTO_PX}" viewBox="0 0 600 600" font-family="${FONT}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0.4" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
  <rect width="600" height="600" fill="url(#bg)"/>
  <circle cx="300" cy="245" r="182" fill="#ffffff" fill-opacity="0.45"/>
  <ellipse cx="300" cy="398" rx="150" ry="16" fill="#000000" fill-opacity="0.08"/>
  ${figure}
  <rect x="30" y="${panelY}" width="540" height="${panelHeight}" rx="16" fill="#ffffff" fill-opacity="0.88"/>
  ${caption
    .map((line, i) => `<text x="300" y="${panelY + 17 + (i + 0.8) * lineHeight}" text-anchor="middle" font-size="${i === 0 || view === "cover" ? captionSize : captionSize - 6}" font-weight="${i === 0 || view === "cover" ? "bold" : "normal"}" fill="#1d1d1d">${esc(line)}</text>`)
    .join("\n  ")}
  <g transform="translate(22 22)"><rect width="116" height="36" rx="8" fill="#d0021b" fill-opacity="0.85"/><text x="58" y="25" text-anchor="middle" font-size="19" font-weight="bold" fill="#ffffff" letter-spacing="1">CONTOH</text></g>
</svg>`;
    return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
  }
}

/** Wraps a title into at most 2 lines (3 for very long ones), shrinking the font as needed. */
function wrap(text: string, maxWidth: number): { lines: string[]; size: number } {
  const words = text.split(/\s+/);
  for (const size of [34, 30, 26, 23]) {
    const perLine = Math.floor(maxWidth / (size * 0.64)); // DejaVu Sans Bold averages ~0.6 em
    const lines: string[] = [];
    for (const word of words) {
      const last = lines[lines.length - 1];
      if (last !== undefined && (last + " " + word).length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    if (lines.length <= 2 || size === 23) return { lines: lines.slice(0, 3), size };
  }
  return { lines: [text], size: 23 };
}

/** A second colour that stands out against the first (dark on light, light on dark). */
function accentFor(colour: string): string {
  const n = parseInt(colour.slice(1), 16);
  const luminance = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return luminance > 150 ? "#5c5f66" : "#e9e4da";
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/** Simple drawings of a kind of product in a 300 x 300 box: c = product colour, a = accent. */
const LOOKS = {
  dress: (c: string, a: string) => `<path d="M112 22 Q150 44 188 22 L226 42 L258 118 L230 128 L214 96 L252 292 L48 292 L86 96 L70 128 L42 118 L74 42 Z" fill="${c}"/>
    <path d="M88 100 H212" stroke="${a}" stroke-width="7"/><path d="M120 24 Q150 62 180 24" fill="none" stroke="${a}" stroke-width="5"/>`,
  hijab: (c: string, a: string) => `<path d="M150 22 C96 22 72 74 78 128 C40 170 30 240 38 292 L262 292 C270 240 260 170 222 128 C228 74 204 22 150 22 Z" fill="${c}"/>
    <ellipse cx="150" cy="118" rx="40" ry="52" fill="#f3e2d3"/><path d="M108 104 Q150 50 192 104" fill="none" stroke="${a}" stroke-width="6"/>
    <path d="M70 200 Q150 240 230 200" fill="none" stroke="${a}" stroke-width="4" stroke-opacity="0.6"/>`,
  shirt: (c: string, a: string) => shirt(c, a, false),
  batik: (c: string, a: string) => shirt(c, a, true),
  tshirt: (c: string, a: string) => `<path d="M100 30 Q150 58 200 30 L262 62 L240 114 L214 104 L214 292 L86 292 L86 104 L60 114 L38 62 Z" fill="${c}"/>
    <path d="M100 30 Q150 72 200 30" fill="none" stroke="${a}" stroke-width="6"/>`,
  pants: (c: string, a: string) => `<path d="M78 24 H222 L248 292 H166 L150 118 L134 292 H52 Z" fill="${c}"/>
    <path d="M78 46 H222" stroke="${a}" stroke-width="6"/><path d="M110 46 V80 M190 46 V80" stroke="${a}" stroke-width="3"/>`,
  shoe: (c: string, a: string) => `<path d="M24 236 L34 150 Q52 134 80 142 L120 162 Q150 150 178 168 Q236 186 262 206 Q282 218 278 236 Z" fill="${c}"/>
    <rect x="20" y="230" width="262" height="28" rx="10" fill="${a}"/>
    <path d="M96 162 L114 150 M114 174 L132 162 M132 186 L150 174" stroke="${a}" stroke-width="5"/>`,
  sandal: (c: string, a: string) => `<path d="M36 250 Q28 200 80 190 L236 190 Q282 196 272 240 Q264 264 230 264 L70 264 Q42 264 36 250 Z" fill="${a}"/>
    <path d="M92 196 Q142 112 204 196" fill="none" stroke="${c}" stroke-width="24"/>`,
  bag: (c: string, a: string) => `<path d="M104 112 Q104 44 150 44 Q196 44 196 112" fill="none" stroke="${a}" stroke-width="12"/>
    <rect x="58" y="100" width="184" height="184" rx="20" fill="${c}"/><rect x="58" y="150" width="184" height="10" fill="${a}" fill-opacity="0.6"/>`,
  wallet: (c: string, a: string) => `<rect x="38" y="86" width="224" height="150" rx="16" fill="${c}"/>
    <rect x="168" y="136" width="94" height="52" rx="10" fill="${a}"/><circle cx="192" cy="162" r="8" fill="${c}"/>`,
  mat: (c: string, a: string) => `<rect x="70" y="18" width="160" height="274" rx="6" fill="${c}"/>
    <path d="M96 278 V112 Q150 40 204 112 V278 Z" fill="none" stroke="${a}" stroke-width="8"/>
    <path d="M70 290 H230" stroke="${a}" stroke-width="10" stroke-dasharray="6 6"/>`,
  cap: (c: string, a: string) => `<path d="M56 212 L76 102 Q150 80 224 102 L244 212 Z" fill="${c}"/><rect x="50" y="196" width="200" height="24" rx="6" fill="${a}"/>`,
  beads: (c: string, a: string) =>
    Array.from({ length: 26 }, (_, i) => {
      const t = (i / 26) * Math.PI * 2;
      return `<circle cx="${(150 + Math.cos(t) * 100).toFixed(1)}" cy="${(130 + Math.sin(t) * 100).toFixed(1)}" r="12" fill="${c}"/>`;
    }).join("") + `<path d="M150 230 V280" stroke="${c}" stroke-width="8"/><circle cx="150" cy="284" r="14" fill="${a}"/>`,
  folded: (c: string, a: string) => `<rect x="36" y="196" width="228" height="74" rx="14" fill="${c}"/>
    <rect x="46" y="128" width="208" height="72" rx="14" fill="${c}" stroke="${a}" stroke-width="3"/>
    <rect x="56" y="62" width="188" height="70" rx="14" fill="${c}" stroke="${a}" stroke-width="3"/>
    <path d="M56 96 H244 M46 164 H254 M36 232 H264" stroke="${a}" stroke-width="4" stroke-dasharray="10 8"/>`,
  bottle: (c: string, a: string) => `<rect x="108" y="108" width="84" height="184" rx="16" fill="${c}" stroke="${a}" stroke-width="3"/>
    <rect x="128" y="72" width="44" height="40" fill="${a}"/><ellipse cx="150" cy="52" rx="20" ry="26" fill="#333333"/>
    <rect x="118" y="168" width="64" height="72" rx="6" fill="#ffffff" fill-opacity="0.85"/>`,
  jar: (c: string, a: string) => `<rect x="68" y="100" width="164" height="188" rx="26" fill="${c}" stroke="${a}" stroke-width="3"/>
    <rect x="80" y="62" width="140" height="44" rx="8" fill="${a}"/>
    <rect x="86" y="152" width="128" height="80" rx="8" fill="#ffffff" fill-opacity="0.9"/>`,
  tube: (c: string, a: string) => `<path d="M98 36 H202 L186 252 H114 Z" fill="${c}" stroke="${a}" stroke-width="3"/>
    <rect x="114" y="250" width="72" height="42" rx="6" fill="${a}"/><rect x="118" y="90" width="64" height="92" rx="6" fill="#ffffff" fill-opacity="0.85"/>`,
  lipstick: (c: string) => `<rect x="108" y="170" width="84" height="122" rx="8" fill="#2b2b2b"/>
    <rect x="118" y="120" width="64" height="56" fill="#c9a13b"/><path d="M126 122 V62 L174 34 V122 Z" fill="${c}"/>`,
  pouch: (c: string, a: string) => {
    const zigzag = Array.from({ length: 16 }, (_, i) => `L${76 + i * 10} ${i % 2 ? 30 : 42}`).join(" ");
    return `<path d="M70 42 ${zigzag} L230 42 V270 Q230 292 208 292 H92 Q70 292 70 270 Z" fill="${c}"/>
    <rect x="94" y="118" width="112" height="112" rx="10" fill="#ffffff" fill-opacity="0.9"/>
    <ellipse cx="150" cy="174" rx="28" ry="38" fill="${c}"/><path d="M150 140 Q134 174 150 208" stroke="#ffffff" stroke-width="5" fill="none"/>`;
  },
  tumbler: (c: string, a: string) => `<rect x="100" y="62" width="100" height="228" rx="18" fill="${c}"/>
    <rect x="92" y="38" width="116" height="34" rx="8" fill="${a}"/><rect x="100" y="150" width="100" height="10" fill="${a}" fill-opacity="0.5"/>`,
  phone: (c: string) => `<rect x="88" y="18" width="124" height="264" rx="22" fill="#222222"/><rect x="98" y="38" width="104" height="212" rx="8" fill="${c}"/>
    <circle cx="150" cy="266" r="7" fill="#555555"/><rect x="130" y="26" width="40" height="5" rx="2" fill="#555555"/>`,
  powerbank: (c: string, a: string) => `<rect x="78" y="38" width="144" height="244" rx="24" fill="${c}"/>
    <path d="M162 104 L130 160 H152 L140 206 L174 146 H150 Z" fill="${a}"/>
    <g fill="${a}"><circle cx="128" cy="250" r="6"/><circle cx="150" cy="250" r="6"/><circle cx="172" cy="250" r="6"/></g><rect x="124" y="38" width="52" height="10" fill="#111111"/>`,
  cable: (c: string, a: string) => `<path d="M62 74 C62 210 238 92 238 232" fill="none" stroke="${c}" stroke-width="14" stroke-linecap="round"/>
    <rect x="46" y="30" width="32" height="52" rx="6" fill="${a}"/><rect x="222" y="226" width="32" height="52" rx="6" fill="${a}"/>`,
  charger: (c: string, a: string) => `<rect x="80" y="84" width="140" height="160" rx="20" fill="${c}" stroke="${a}" stroke-width="4"/>
    <rect x="110" y="40" width="16" height="48" fill="#9a9a9a"/><rect x="174" y="40" width="16" height="48" fill="#9a9a9a"/><rect x="128" y="200" width="44" height="14" rx="3" fill="${a}"/>`,
  earbuds: (c: string, a: string) => `<rect x="66" y="128" width="168" height="124" rx="52" fill="${c}" stroke="${a}" stroke-width="4"/>
    <path d="M70 176 H230" stroke="${a}" stroke-width="4"/>
    <circle cx="112" cy="84" r="26" fill="${c}" stroke="${a}" stroke-width="4"/><circle cx="188" cy="84" r="26" fill="${c}" stroke="${a}" stroke-width="4"/>`,
  headphone: (c: string, a: string) => `<path d="M62 200 V150 A88 88 0 0 1 238 150 V200" fill="none" stroke="${c}" stroke-width="18"/>
    <rect x="38" y="168" width="54" height="96" rx="22" fill="${c}"/><rect x="208" y="168" width="54" height="96" rx="22" fill="${c}"/>
    <rect x="50" y="186" width="30" height="60" rx="12" fill="${a}"/><rect x="220" y="186" width="30" height="60" rx="12" fill="${a}"/>`,
  speaker: (c: string, a: string) => `<rect x="68" y="38" width="164" height="254" rx="30" fill="${c}"/>
    <circle cx="150" cy="192" r="60" fill="${a}"/><circle cx="150" cy="192" r="22" fill="${c}"/><circle cx="150" cy="90" r="24" fill="${a}"/>`,
  tv: (c: string) => `<rect x="18" y="48" width="264" height="168" rx="8" fill="#222222"/><rect x="28" y="58" width="244" height="148" fill="${c}"/>
    <path d="M112 216 L92 272 H208 L188 216 Z" fill="#444444"/>`,
  fan: (c: string, a: string) => `<rect x="144" y="150" width="12" height="122" fill="#666666"/><ellipse cx="150" cy="276" rx="72" ry="16" fill="#555555"/>
    <g fill="${c}" stroke="${a}" stroke-width="2">${[0, 120, 240].map((r) => `<ellipse cx="150" cy="66" rx="24" ry="46" transform="rotate(${r} 150 112)"/>`).join("")}</g>
    <circle cx="150" cy="112" r="94" fill="none" stroke="${a}" stroke-width="6"/><circle cx="150" cy="112" r="16" fill="${a}"/>`,
  camera: (c: string, a: string) => `<rect x="70" y="78" width="62" height="32" rx="6" fill="${c}"/><rect x="38" y="100" width="224" height="152" rx="18" fill="${c}"/>
    <circle cx="160" cy="176" r="58" fill="${a}"/><circle cx="160" cy="176" r="32" fill="#111111"/><circle cx="70" cy="130" r="8" fill="${a}"/>`,
  cctv: (c: string, a: string) => `<rect x="100" y="236" width="100" height="30" rx="6" fill="${a}"/><circle cx="150" cy="150" r="92" fill="${c}" stroke="${a}" stroke-width="4"/>
    <circle cx="150" cy="160" r="42" fill="#111111"/><circle cx="138" cy="148" r="10" fill="#ffffff" fill-opacity="0.6"/>`,
  mouse: (c: string, a: string) => `<rect x="94" y="46" width="112" height="208" rx="56" fill="${c}"/><path d="M150 46 V122 M94 122 H206" stroke="${a}" stroke-width="5"/>
    <rect x="144" y="70" width="12" height="30" rx="6" fill="${a}"/>`,
  keyboard: (c: string, a: string) =>
    `<rect x="16" y="104" width="268" height="120" rx="12" fill="${c}"/>` +
    Array.from({ length: 3 }, (_, row) => Array.from({ length: 11 }, (_, col) => `<rect x="${28 + col * 23}" y="${118 + row * 26}" width="18" height="20" rx="3" fill="${a}"/>`).join("")).join("") +
    `<rect x="80" y="196" width="140" height="18" rx="3" fill="${a}"/>`,
  usb: (c: string, a: string) => `<g transform="rotate(-18 150 150)"><rect x="70" y="108" width="154" height="84" rx="12" fill="${c}" stroke="${a}" stroke-width="3"/>
    <rect x="224" y="124" width="46" height="52" fill="#bbbbbb"/><circle cx="102" cy="150" r="10" fill="${a}"/></g>`,
  laptop: (c: string) => `<rect x="48" y="48" width="204" height="144" rx="8" fill="#222222"/><rect x="58" y="58" width="184" height="124" fill="${c}"/>
    <path d="M18 200 H282 L266 232 H34 Z" fill="#8a8a8a"/>`,
  printer: (c: string) => `<rect x="80" y="58" width="140" height="72" fill="#ffffff" stroke="#cccccc" stroke-width="2"/>
    <rect x="36" y="118" width="228" height="112" rx="12" fill="${c}"/><rect x="80" y="200" width="140" height="62" fill="#ffffff" stroke="#cccccc" stroke-width="2"/>`,
  bulb: (c: string) => `<circle cx="150" cy="118" r="82" fill="${c}"/><path d="M112 186 H188 L178 230 H122 Z" fill="${c}"/>
    <rect x="120" y="230" width="60" height="42" rx="6" fill="#9a9a9a"/><path d="M120 244 H180 M120 258 H180" stroke="#777777" stroke-width="4"/>`,
  strip: (c: string, a: string) =>
    `<path d="M40 190 C10 250 80 280 120 270" fill="none" stroke="${a}" stroke-width="10"/><rect x="28" y="116" width="244" height="74" rx="14" fill="${c}" stroke="${a}" stroke-width="3"/>` +
    [0, 1, 2, 3].map((i) => `<circle cx="${72 + i * 52}" cy="153" r="17" fill="${a}"/>`).join(""),
  pot: (c: string, a: string) => `<rect x="58" y="110" width="184" height="164" rx="30" fill="${c}" stroke="${a}" stroke-width="3"/>
    <path d="M58 122 Q150 46 242 122 Z" fill="${a}"/><rect x="134" y="60" width="32" height="16" rx="6" fill="#333333"/>
    <rect x="100" y="182" width="100" height="42" rx="8" fill="${a}" fill-opacity="0.7"/>`,
  pan: (c: string, a: string) => `<ellipse cx="130" cy="172" rx="104" ry="42" fill="${c}" stroke="${a}" stroke-width="4"/><rect x="222" y="160" width="76" height="18" rx="9" fill="${a}"/>`,
  blender: (c: string, a: string) => `<path d="M100 36 H200 L186 198 H114 Z" fill="#ffffff" fill-opacity="0.6" stroke="${a}" stroke-width="4"/>
    <rect x="92" y="24" width="116" height="20" rx="6" fill="${c}"/><rect x="92" y="198" width="116" height="86" rx="12" fill="${c}"/>
    <circle cx="150" cy="240" r="12" fill="${a}"/>`,
  pillow: (c: string, a: string) => `<path d="M48 88 Q150 58 252 88 Q272 170 252 252 Q150 282 48 252 Q28 170 48 88 Z" fill="${c}" stroke="${a}" stroke-width="4"/>
    <path d="M84 122 Q150 104 216 122" fill="none" stroke="${a}" stroke-width="3"/>`,
  shelf: (c: string, a: string) => `<rect x="62" y="26" width="176" height="264" fill="none" stroke="${c}" stroke-width="10"/>
    ${[88, 150, 212].map((y) => `<rect x="62" y="${y}" width="176" height="10" fill="${c}"/>`).join("")}
    <rect x="86" y="50" width="40" height="36" fill="${a}"/><rect x="150" y="178" width="60" height="32" fill="${a}"/>`,
  clock: (c: string) =>
    `<circle cx="150" cy="150" r="122" fill="#ffffff" stroke="${c}" stroke-width="14"/>` +
    Array.from({ length: 12 }, (_, i) => `<rect x="147" y="38" width="6" height="16" fill="#333333" transform="rotate(${i * 30} 150 150)"/>`).join("") +
    `<path d="M150 150 V78 M150 150 L204 172" stroke="#222222" stroke-width="8" stroke-linecap="round"/>`,
  iron: (c: string, a: string) => `<path d="M40 230 Q60 120 200 120 L262 120 Q272 180 262 230 Z" fill="${c}"/>
    <path d="M120 120 Q130 70 200 70 L240 70 Q252 92 242 120" fill="none" stroke="${a}" stroke-width="16"/><rect x="34" y="226" width="234" height="16" rx="6" fill="#aaaaaa"/>`,
  box: (c: string, a: string) => `<path d="M150 58 L272 110 L150 162 L28 110 Z" fill="#d9b98c"/><path d="M28 110 L150 162 V292 L28 240 Z" fill="${c}"/>
    <path d="M272 110 L150 162 V292 L272 240 Z" fill="#b0854f"/><path d="M89 84 L211 136" stroke="${a}" stroke-width="12"/>`,
} satisfies Record<string, (c: string, a: string) => string>;

type Look = keyof typeof LOOKS;

function shirt(c: string, a: string, batik: boolean) {
  const body = "M104 28 L150 48 L196 28 L262 62 L242 132 L216 122 L216 292 L84 292 L84 122 L58 132 L38 62 Z";
  const pattern = batik
    ? `<defs><pattern id="kawung" width="40" height="40" patternUnits="userSpaceOnUse"><g fill="${a}" fill-opacity="0.75">
      <ellipse cx="20" cy="9" rx="6" ry="9"/><ellipse cx="20" cy="31" rx="6" ry="9"/><ellipse cx="9" cy="20" rx="9" ry="6"/><ellipse cx="31" cy="20" rx="9" ry="6"/></g></pattern></defs>
      <path d="${body}" fill="url(#kawung)"/>`
    : "";
  return `<path d="${body}" fill="${c}"/>${pattern}
    <path d="M104 28 L150 48 L132 80 Z M196 28 L150 48 L168 80 Z" fill="${a}"/>
    <g fill="${a}"><circle cx="150" cy="104" r="5"/><circle cx="150" cy="154" r="5"/><circle cx="150" cy="204" r="5"/><circle cx="150" cy="254" r="5"/></g>`;
}
