//! Evaluation plots as SVG and PNG: confusion matrix, precision–recall curve, ROC curve,
//! reliability diagram and F1 versus threshold.
//!
//! Drawn with plotters' pure-Rust backends. Text in PNG files is rasterised with ab_glyph from
//! DejaVu Sans, shipped in the repository (`assets/fonts/`, Bitstream Vera licence, see
//! `assets/fonts/README.md`), so no system font library is needed; SVG files name the
//! `sans-serif` family and leave rendering to the viewer. The same data gives the same files.

use crate::dataset::Label;
use crate::error::{Error, Result};
use crate::metrics::{self, CalibrationBin, Confusion, PrPoint, RocPoint, ThresholdPoint};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Once;

/// The font used for PNG text (DejaVu Sans 2.37, Bitstream Vera licence).
const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";
const SIZE: (u32, u32) = (720, 540);
const OPINION: RGBColor = RGBColor(214, 39, 40);
const FACT: RGBColor = RGBColor(31, 119, 180);
const MACRO: RGBColor = RGBColor(40, 40, 40);
const GREY: RGBColor = RGBColor(150, 150, 150);

/// The file stems written by [`write_plots`], each as `.svg` and `.png`.
pub const PLOTS: [&str; 5] = [
    "confusion",
    "precision-recall",
    "roc",
    "calibration",
    "f1-threshold",
];

/// Whether `name` is the name of a file [`write_plots`] writes (`roc.png`, `curves.json`).
pub fn is_plot_file(name: &str) -> bool {
    name == "curves.json"
        || PLOTS.iter().any(|p| {
            name.strip_prefix(p)
                .is_some_and(|e| e == ".svg" || e == ".png")
        })
}

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is compiled in and known to parse; a failure would only lose PNG text.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT);
    });
}

/// Everything the plots show, also written as `curves.json`.
#[derive(Debug, Clone, Serialize)]
pub struct PlotData {
    /// What was evaluated (shown in titles), e.g. the data file names.
    pub title: String,
    /// Number of examples.
    pub n: usize,
    /// The decision threshold of the report.
    pub threshold: f64,
    /// Confusion counts at the threshold, `[true][predicted]`, fact = 0, opinion = 1.
    pub confusion: [[usize; 2]; 2],
    /// ROC curve (empty with one class only).
    pub roc: Vec<RocPoint>,
    /// ROC AUC.
    pub roc_auc: Option<f64>,
    /// Precision–recall curve of the opinion class.
    pub pr: Vec<PrPoint>,
    /// Average precision of the opinion class.
    pub average_precision: Option<f64>,
    /// Share of opinion examples (the precision of a random ranking).
    pub opinion_share: f64,
    /// Ten reliability bins.
    pub calibration: Vec<CalibrationBin>,
    /// Expected calibration error over the bins.
    pub ece: f64,
    /// F1 at thresholds 0.00, 0.01, ..., 1.00.
    pub f1_by_threshold: Vec<ThresholdPoint>,
}

impl PlotData {
    /// Compute every curve from the truth and P(opinion).
    pub fn new(title: &str, truth: &[Label], p_opinion: &[f64], threshold: f64) -> PlotData {
        let n = truth.len();
        let pos = truth.iter().filter(|&&l| l == Label::Opinion).count();
        PlotData {
            title: title.to_string(),
            n,
            threshold,
            confusion: Confusion::from_pairs(truth, &metrics::predict(p_opinion, threshold)).0,
            roc: metrics::roc_curve(truth, p_opinion),
            roc_auc: metrics::roc_auc(truth, p_opinion),
            pr: metrics::pr_curve(truth, p_opinion),
            average_precision: metrics::average_precision(truth, p_opinion),
            opinion_share: if n > 0 { pos as f64 / n as f64 } else { 0.0 },
            calibration: metrics::calibration_bins(truth, p_opinion, 10),
            ece: metrics::ece(truth, p_opinion, 10),
            f1_by_threshold: metrics::f1_by_threshold(truth, p_opinion, 100),
        }
    }

    fn operating_point(&self) -> (f64, f64, f64) {
        let m = self.confusion;
        let (tp, fp_, fn_, tn) = (
            m[1][1] as f64,
            m[0][1] as f64,
            m[1][0] as f64,
            m[0][0] as f64,
        );
        let precision = if tp + fp_ > 0.0 { tp / (tp + fp_) } else { 0.0 };
        let recall = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        let fpr = if fp_ + tn > 0.0 {
            fp_ / (fp_ + tn)
        } else {
            0.0
        };
        (precision, recall, fpr)
    }
}

/// Create the `--plots` folder `dir` if missing and check that files can be written in it,
/// so that a bad path fails before any scoring.
pub fn prepare_dir(dir: &Path) -> Result<()> {
    let out = |msg: String| Error::Output {
        flag: "--plots",
        path: dir.to_path_buf(),
        msg,
    };
    if dir.exists() && !dir.is_dir() {
        return Err(out(
            "is a file, not a folder: name a folder for the plots (it is created if missing)"
                .into(),
        ));
    }
    // `--plots roc.png` created a folder named roc.png holding eleven files.
    let ext = dir.extension().map(|e| e.to_string_lossy().to_lowercase());
    if !dir.exists()
        && ext.as_deref().is_some_and(|e| {
            ["png", "svg", "jpg", "jpeg", "pdf", "json", "csv", "html"].contains(&e)
        })
    {
        return Err(out(format!(
            "names a file, but --plots takes a folder for all the plots (each as .svg and .png, and curves.json), created if missing: name a folder (e.g. {})",
            dir.with_extension("").display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        out(format!(
            "cannot create the folder ({e}): choose another path"
        ))
    })?;
    let probe = dir.join(format!(".factop-probe-{}", std::process::id()));
    std::fs::File::create(&probe).map_err(|e| {
        out(format!(
            "cannot write in the folder ({e}): choose another path"
        ))
    })?;
    let _ = std::fs::remove_file(&probe);
    // A folder (or a pipe) under a plot's name: the files before it were renamed into place,
    // then `DIR/roc.svg: Is a directory`, after scoring and naming no flag.
    let names = PLOTS
        .iter()
        .flat_map(|p| [format!("{p}.svg"), format!("{p}.png")])
        .chain(["curves.json".to_string()]);
    for name in names {
        let path = dir.join(&name);
        if std::fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(out(format!(
                "{} is a folder or another non-file, where the plot {name} goes: move it away or choose another folder",
                path.display()
            )));
        }
    }
    Ok(())
}

/// Write the five plots as SVG and PNG, plus `curves.json`, into `dir` (created if missing).
/// Returns the files written. They are written as one set (see [`crate::persist::Staged`]):
/// a failure leaves every earlier file in `dir` as it was.
pub fn write_plots(dir: &Path, data: &PlotData) -> Result<Vec<PathBuf>> {
    register_font();
    prepare_dir(dir)?;
    // Every file is written to a temporary file, and all are renamed only when every one is
    // written: a failure (a full disk) left the files before it new and the rest old.
    let mut staged = crate::persist::Staged::default();
    let mut written = Vec::new();
    for name in PLOTS {
        let svg_path = dir.join(format!("{name}.svg"));
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
            draw(name, data, &root).map_err(|e| plot_error(&svg_path, e))?;
            root.present().map_err(|e| plot_error(&svg_path, e))?;
        }
        staged.stage(&svg_path, svg.as_bytes())?;
        written.push(svg_path);

        // Drawn in memory and written like the SVG (temporary file, rename): plotters'
        // file backend truncated an existing PNG first, so a failed write (a full disk)
        // left it cut short.
        let png_path = dir.join(format!("{name}.png"));
        let mut rgb = vec![0; SIZE.0 as usize * SIZE.1 as usize * 3];
        {
            let root = BitMapBackend::with_buffer(&mut rgb, SIZE).into_drawing_area();
            draw(name, data, &root).map_err(|e| plot_error(&png_path, e))?;
            root.present().map_err(|e| plot_error(&png_path, e))?;
        }
        let png = encode_png(&rgb).map_err(|e| plot_error(&png_path, e))?;
        staged.stage(&png_path, &png)?;
        written.push(png_path);
    }
    let json_path = dir.join("curves.json");
    let mut json = serde_json::to_vec_pretty(data).expect("plot data serialises");
    json.push(b'\n');
    staged.stage(&json_path, &json)?;
    written.push(json_path);
    staged.commit()?;
    Ok(written)
}

/// An RGB image of [`SIZE`] as PNG bytes, encoded as plotters' file backend encodes it
/// (image's PNG encoder with its default settings), so the files are the same bytes.
fn encode_png(rgb: &[u8]) -> image::ImageResult<Vec<u8>> {
    use image::ImageEncoder;
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png).write_image(
        rgb,
        SIZE.0,
        SIZE.1,
        image::ColorType::Rgb8,
    )?;
    Ok(png)
}

fn plot_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::io(path, std::io::Error::other(format!("drawing failed: {e}")))
}

type UnitCoord = Cartesian2d<RangedCoordf64, RangedCoordf64>;

type Drawn<DB> = std::result::Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn draw<DB: DrawingBackend>(name: &str, d: &PlotData, root: &DrawingArea<DB, Shift>) -> Drawn<DB> {
    root.fill(&WHITE)?;
    match name {
        "confusion" => confusion(d, root),
        "precision-recall" => precision_recall(d, root),
        "roc" => roc(d, root),
        "calibration" => calibration(d, root),
        _ => f1_threshold(d, root),
    }
}

fn font(size: u32) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&BLACK)
}

fn centred(size: u32) -> TextStyle<'static> {
    font(size).pos(Pos::new(HPos::Center, VPos::Center))
}

fn caption(what: &str, d: &PlotData) -> String {
    if d.title.is_empty() {
        what.to_string()
    } else {
        format!("{what} — {}", d.title)
    }
}

fn confusion<DB: DrawingBackend>(d: &PlotData, root: &DrawingArea<DB, Shift>) -> Drawn<DB> {
    let root = root.titled(
        &caption(
            &format!("Confusion matrix at threshold {:.2}", d.threshold),
            d,
        ),
        font(20),
    )?;
    let names = ["fact", "opinion"];
    let (x0, y0, cell) = (230i32, 70i32, 170i32);
    let max = d
        .confusion
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    for (t, row) in d.confusion.iter().enumerate() {
        let row_total: usize = row.iter().sum();
        for (p, &v) in row.iter().enumerate() {
            let x = x0 + p as i32 * cell;
            let y = y0 + t as i32 * cell;
            let shade = v as f64 / max as f64;
            let fill = RGBColor(
                (255.0 - shade * (255.0 - 31.0)) as u8,
                (255.0 - shade * (255.0 - 119.0)) as u8,
                (255.0 - shade * (255.0 - 180.0)) as u8,
            );
            root.draw(&Rectangle::new(
                [(x, y), (x + cell, y + cell)],
                fill.filled(),
            ))?;
            root.draw(&Rectangle::new([(x, y), (x + cell, y + cell)], BLACK))?;
            let ink = if shade > 0.55 { WHITE } else { BLACK };
            let share = if row_total > 0 {
                100.0 * v as f64 / row_total as f64
            } else {
                0.0
            };
            root.draw(&Text::new(
                v.to_string(),
                (x + cell / 2, y + cell / 2 - 12),
                centred(30).color(&ink),
            ))?;
            root.draw(&Text::new(
                format!("{share:.1}% of true {}", names[t]),
                (x + cell / 2, y + cell / 2 + 22),
                centred(13).color(&ink),
            ))?;
        }
        root.draw(&Text::new(
            names[t],
            (x0 - 14, y0 + t as i32 * cell + cell / 2),
            font(18).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    for (p, name) in names.iter().enumerate() {
        root.draw(&Text::new(
            *name,
            (x0 + p as i32 * cell + cell / 2, y0 + 2 * cell + 20),
            centred(18),
        ))?;
    }
    root.draw(&Text::new(
        "predicted",
        (x0 + cell, y0 + 2 * cell + 50),
        centred(18),
    ))?;
    root.draw(&Text::new("true", (x0 - 110, y0 + cell), centred(18)))?;
    root.draw(&Text::new(
        format!("{} examples", d.n),
        (x0 + cell, y0 - 28),
        centred(15),
    ))?;
    Ok(())
}

fn no_curve<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, why: &str) -> Drawn<DB> {
    let (w, h) = root.dim_in_pixel();
    root.draw(&Text::new(
        why.to_string(),
        (w as i32 / 2, h as i32 / 2),
        centred(18),
    ))
}

fn unit_chart<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    title: &str,
    x: &str,
    y: &str,
) -> std::result::Result<ChartContext<'a, DB, UnitCoord>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut chart = ChartBuilder::on(root)
        .caption(title, font(20))
        .margin(18)
        .x_label_area_size(50)
        .y_label_area_size(60)
        .build_cartesian_2d(0f64..1f64, 0f64..1.0001f64)?;
    chart
        .configure_mesh()
        .x_desc(x)
        .y_desc(y)
        .x_labels(11)
        .y_labels(11)
        .x_label_formatter(&|v| format!("{v:.1}"))
        .y_label_formatter(&|v| format!("{v:.1}"))
        .label_style(font(14))
        .axis_desc_style(font(16))
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    Ok(chart)
}

fn legend<'a, DB: DrawingBackend + 'a>(
    chart: &mut ChartContext<'a, DB, UnitCoord>,
    at: SeriesLabelPosition,
) -> Drawn<DB> {
    chart
        .configure_series_labels()
        .position(at)
        .margin(12)
        .label_font(font(14))
        .background_style(WHITE.mix(0.9))
        .border_style(GREY)
        .draw()
}

fn line_key(c: RGBColor) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    move |(x, y)| PathElement::new(vec![(x, y), (x + 22, y)], c.stroke_width(3))
}

fn dot_key(c: RGBColor) -> impl Fn((i32, i32)) -> Circle<(i32, i32), i32> {
    move |(x, y)| Circle::new((x + 11, y), 5, c.filled())
}

fn precision_recall<DB: DrawingBackend>(d: &PlotData, root: &DrawingArea<DB, Shift>) -> Drawn<DB> {
    let ap = d
        .average_precision
        .map_or("n/a".into(), |a| format!("{a:.3}"));
    let title = caption(
        &format!("Precision–recall (opinion), average precision {ap}"),
        d,
    );
    let mut chart = unit_chart(root, &title, "recall (opinion)", "precision (opinion)")?;
    if d.pr.is_empty() {
        return no_curve(root, "no opinion examples: no precision–recall curve");
    }
    // The points joined in order of falling threshold, from recall 0 at the first precision.
    let mut pts = vec![(0.0, d.pr[0].precision)];
    for p in &d.pr {
        pts.push((p.recall, p.precision));
    }
    chart
        .draw_series(DashedLineSeries::new(
            [(0.0, d.opinion_share), (1.0, d.opinion_share)],
            8,
            6,
            GREY.stroke_width(2),
        ))?
        .label(format!("random ranking ({:.2})", d.opinion_share))
        .legend(line_key(GREY));
    chart
        .draw_series(LineSeries::new(pts, OPINION.stroke_width(3)))?
        .label("model")
        .legend(line_key(OPINION));
    let (precision, recall, _) = d.operating_point();
    chart
        .draw_series(std::iter::once(Circle::new(
            (recall, precision),
            7,
            MACRO.filled(),
        )))?
        .label(format!(
            "threshold {:.2}: P {precision:.2}, R {recall:.2}",
            d.threshold
        ))
        .legend(dot_key(MACRO));
    legend(&mut chart, SeriesLabelPosition::LowerLeft)
}

fn roc<DB: DrawingBackend>(d: &PlotData, root: &DrawingArea<DB, Shift>) -> Drawn<DB> {
    let auc = d.roc_auc.map_or("n/a".into(), |a| format!("{a:.3}"));
    let title = caption(&format!("ROC curve (opinion), AUC {auc}"), d);
    let mut chart = unit_chart(root, &title, "false-positive rate", "true-positive rate")?;
    if d.roc.is_empty() {
        return no_curve(root, "one class only: no ROC curve");
    }
    chart
        .draw_series(DashedLineSeries::new(
            [(0.0, 0.0), (1.0, 1.0)],
            8,
            6,
            GREY.stroke_width(2),
        ))?
        .label("chance")
        .legend(line_key(GREY));
    chart
        .draw_series(LineSeries::new(
            d.roc.iter().map(|r| (r.fpr, r.tpr)),
            FACT.stroke_width(3),
        ))?
        .label("model")
        .legend(line_key(FACT));
    let (_, recall, fpr) = d.operating_point();
    chart
        .draw_series(std::iter::once(Circle::new(
            (fpr, recall),
            7,
            MACRO.filled(),
        )))?
        .label(format!(
            "threshold {:.2}: FPR {fpr:.2}, TPR {recall:.2}",
            d.threshold
        ))
        .legend(dot_key(MACRO));
    legend(&mut chart, SeriesLabelPosition::LowerRight)
}

fn calibration<DB: DrawingBackend>(d: &PlotData, root: &DrawingArea<DB, Shift>) -> Drawn<DB> {
    let title = caption(&format!("Reliability diagram, ECE {:.3}", d.ece), d);
    let mut chart = unit_chart(
        root,
        &title,
        "mean predicted P(opinion)",
        "observed share of opinion",
    )?;
    chart
        .draw_series(DashedLineSeries::new(
            [(0.0, 0.0), (1.0, 1.0)],
            8,
            6,
            GREY.stroke_width(2),
        ))?
        .label("perfect calibration")
        .legend(line_key(GREY));
    let bins: Vec<&CalibrationBin> = d.calibration.iter().filter(|b| b.count > 0).collect();
    let max = bins.iter().map(|b| b.count).max().unwrap_or(1) as f64;
    chart
        .draw_series(LineSeries::new(
            bins.iter().map(|b| (b.mean_p, b.observed)),
            OPINION.stroke_width(2),
        ))?
        .label("model (10 bins; dot area ∝ examples)")
        .legend(line_key(OPINION));
    chart.draw_series(bins.iter().map(|b| {
        let r = 3.0 + 11.0 * (b.count as f64 / max).sqrt();
        Circle::new((b.mean_p, b.observed), r as i32, OPINION.mix(0.6).filled())
    }))?;
    chart.draw_series(bins.iter().map(|b| {
        EmptyElement::at((b.mean_p, b.observed))
            + Text::new(
                b.count.to_string(),
                (10, -10),
                font(12).pos(Pos::new(HPos::Left, VPos::Bottom)),
            )
    }))?;
    legend(&mut chart, SeriesLabelPosition::UpperLeft)
}

fn f1_threshold<DB: DrawingBackend>(d: &PlotData, root: &DrawingArea<DB, Shift>) -> Drawn<DB> {
    let best = d
        .f1_by_threshold
        .iter()
        .fold(None::<&ThresholdPoint>, |b, p| match b {
            Some(b) if b.macro_f1 >= p.macro_f1 => Some(b),
            _ => Some(p),
        });
    let title = caption("F1 versus threshold on P(opinion)", d);
    let mut chart = unit_chart(root, &title, "threshold on P(opinion)", "F1")?;
    chart
        .draw_series(DashedLineSeries::new(
            [(d.threshold, 0.0), (d.threshold, 1.0)],
            8,
            6,
            GREY.stroke_width(2),
        ))?
        .label(format!("threshold in use {:.2}", d.threshold))
        .legend(line_key(GREY));
    for (label, colour, get) in [
        (
            "opinion F1",
            OPINION,
            (|p: &ThresholdPoint| p.f1_opinion) as fn(&ThresholdPoint) -> f64,
        ),
        ("fact F1", FACT, |p| p.f1_fact),
        ("macro-F1", MACRO, |p| p.macro_f1),
    ] {
        chart
            .draw_series(LineSeries::new(
                d.f1_by_threshold.iter().map(|p| (p.threshold, get(p))),
                colour.stroke_width(if label == "macro-F1" { 3 } else { 2 }),
            ))?
            .label(label)
            .legend(line_key(colour));
    }
    if let Some(b) = best {
        chart
            .draw_series(std::iter::once(Circle::new(
                (b.threshold, b.macro_f1),
                6,
                MACRO.filled(),
            )))?
            .label(format!(
                "best macro-F1 {:.3} at {:.2}",
                b.macro_f1, b.threshold
            ))
            .legend(dot_key(MACRO));
    }
    legend(&mut chart, SeriesLabelPosition::LowerMiddle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::{Fact as F, Opinion as O};

    #[test]
    fn writes_every_plot_deterministically() {
        let truth = [O, F, O, F, O, F, F, F];
        let p = [0.9, 0.7, 0.7, 0.4, 0.2, 0.1, 0.35, 0.55];
        let data = PlotData::new("toy", &truth, &p, 0.5);
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let files = write_plots(a.path(), &data).unwrap();
        write_plots(b.path(), &data).unwrap();
        assert_eq!(files.len(), 2 * PLOTS.len() + 1);
        for f in &files {
            let name = f.file_name().unwrap();
            let x = std::fs::read(f).unwrap();
            assert!(x.len() > 500, "{}", f.display());
            assert_eq!(x, std::fs::read(b.path().join(name)).unwrap());
        }
        let png = std::fs::read(a.path().join("roc.png")).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let svg = std::fs::read_to_string(a.path().join("roc.svg")).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("ROC curve"));
    }

    #[test]
    fn one_class_data_still_draws() {
        let data = PlotData::new("", &[F, F], &[0.2, 0.6], 0.5);
        let dir = tempfile::tempdir().unwrap();
        write_plots(dir.path(), &data).unwrap();
        let svg = std::fs::read_to_string(dir.path().join("roc.svg")).unwrap();
        assert!(svg.contains("one class only"));
    }
}
