//! The output files of `users`: refused when one is the input or another output, written to
//! temporary files beside them, and renamed into place only when the run completes, so that a
//! run that fails, or is killed, leaves the user's earlier files as they were.
//!
//! Two paths name the same file when they lead to the same device and inode (hard links,
//! symbolic links and spellings such as `./u.csv` all do); a file that does not exist yet is
//! named by its folder, resolved, and its name. A temporary file is named
//! `NAME.cleeng-register.XXXXXX.tmp` beside the file it replaces: a run killed with SIGKILL
//! (which no program can clean up after) leaves it there, named for what it is.

use std::ffi::OsString;
use std::fs::{self, File, Metadata};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::{NamedTempFile, TempPath};

use crate::Failure;

/// What a file is, to tell whether two paths name the same one.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Identity {
    /// An existing file: its device and inode (elsewhere than Unix, its canonical path).
    #[cfg(unix)]
    Existing { device: u64, inode: u64 },
    #[cfg(not(unix))]
    Existing(PathBuf),
    /// A file not created yet: its resolved folder and its name.
    New(PathBuf),
}

impl Identity {
    #[cfg(unix)]
    fn of(metadata: &Metadata, _path: &Path) -> io::Result<Identity> {
        use std::os::unix::fs::MetadataExt;
        Ok(Identity::Existing {
            device: metadata.dev(),
            inode: metadata.ino(),
        })
    }

    #[cfg(not(unix))]
    fn of(_metadata: &Metadata, path: &Path) -> io::Result<Identity> {
        fs::canonicalize(path).map(Identity::Existing)
    }
}

/// The identity of the file or stream a run reads, to refuse an output that is it.
#[derive(Clone, Debug)]
pub struct InputIdentity(Option<Identity>);

impl InputIdentity {
    /// The identity of an opened input file (from the open file itself, so no other file can
    /// take its place in between).
    pub fn of_file(file: &File, path: &Path) -> io::Result<InputIdentity> {
        Ok(InputIdentity(Some(Identity::of(&file.metadata()?, path)?)))
    }

    /// The identity of standard input when it is a file (redirected with `<`), else none.
    pub fn of_stdin() -> InputIdentity {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            let identity = io::stdin()
                .as_fd()
                .try_clone_to_owned()
                .map(File::from)
                .and_then(|file| file.metadata())
                .and_then(|metadata| Identity::of(&metadata, Path::new("-")));
            InputIdentity(identity.ok())
        }
        #[cfg(not(unix))]
        InputIdentity(None)
    }
}

/// How an output is written.
enum Writer {
    /// A regular file, or one to create: a temporary file beside it, renamed over it at the
    /// end.
    Replace {
        temp: BufWriter<NamedTempFile>,
        target: PathBuf,
    },
    /// Not a regular file (a device such as `/dev/null`, a named pipe): written as it is, since
    /// there is nothing to replace and a rename would replace the device itself.
    Direct(BufWriter<File>),
}

/// One output file of a run.
pub struct OutputFile {
    path: PathBuf,
    writer: Writer,
}

impl OutputFile {
    /// Where the run writes.
    pub fn writer(&mut self) -> &mut dyn Write {
        match &mut self.writer {
            Writer::Replace { temp, .. } => temp,
            Writer::Direct(file) => file,
        }
    }

    /// Puts the output in place: the temporary file is written out, synced to disk and
    /// renamed over the file, all or nothing. `cannot write PATH: …` when it fails (the
    /// temporary file is then removed).
    pub fn commit(self) -> Result<(), Failure> {
        self.finish()?.commit()
    }

    /// Writes the output out and syncs it to disk, closing the file: what is left is the
    /// rename.
    fn finish(self) -> Result<Finished, Failure> {
        let path = self.path;
        let failed = |e: io::Error| cannot_write(&path, e);
        let temp = match self.writer {
            Writer::Replace { temp, target } => {
                let temp = temp.into_inner().map_err(|e| failed(e.into_error()))?;
                temp.as_file().sync_all().map_err(failed)?;
                Some((temp.into_temp_path(), target))
            }
            Writer::Direct(mut file) => {
                file.flush().map_err(failed)?;
                None
            }
        };
        Ok(Finished { path, temp })
    }
}

fn cannot_write(path: &Path, e: io::Error) -> Failure {
    Failure::Fatal(format!("cannot write {}: {e}", path.display()))
}

/// An output written in full and closed, its temporary file waiting to be renamed into place
/// (removed if it never is).
struct Finished {
    path: PathBuf,
    temp: Option<(TempPath, PathBuf)>,
}

impl Finished {
    fn commit(self) -> Result<(), Failure> {
        if let Some((temp, target)) = self.temp {
            temp.persist(&target)
                .map_err(|e| cannot_write(&self.path, e.error))?;
        }
        Ok(())
    }
}

/// Where an output goes, once its path is resolved.
struct Planned {
    option: &'static str,
    path: PathBuf,
    identity: Identity,
    /// The file to replace, and the permissions to give the new one; none when written
    /// directly.
    replace: Option<(PathBuf, Option<fs::Permissions>)>,
}

fn plan(option: &'static str, path: &Path) -> Result<Planned, Failure> {
    let failed = |e: io::Error| Failure::Fatal(format!("cannot create {}: {e}", path.display()));
    match fs::metadata(path) {
        Ok(metadata) => {
            let identity = Identity::of(&metadata, path).map_err(failed)?;
            let replace = if metadata.is_file() {
                // Through symbolic links: the file they lead to is replaced, the links stay.
                let target = fs::canonicalize(path).map_err(failed)?;
                Some((target, Some(metadata.permissions())))
            } else {
                None
            };
            Ok(Planned {
                option,
                path: path.to_owned(),
                identity,
                replace,
            })
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(failed(io::Error::new(
                    io::ErrorKind::NotFound,
                    "a symbolic link to a file that does not exist",
                )));
            }
            let name = path.file_name().ok_or_else(|| {
                failed(io::Error::new(io::ErrorKind::InvalidInput, "no file name"))
            })?;
            let folder = match path.parent() {
                Some(folder) if !folder.as_os_str().is_empty() => folder,
                _ => Path::new("."),
            };
            let target = fs::canonicalize(folder).map_err(failed)?.join(name);
            Ok(Planned {
                option,
                path: path.to_owned(),
                identity: Identity::New(target.clone()),
                replace: Some((target, None)),
            })
        }
        Err(e) => Err(failed(e)),
    }
}

/// Checks the requested outputs (`(option, path)`, `None` when not asked for) against the
/// input and against each other, then creates them. An output file that is the input or
/// another output file is a usage error, found before any file is created or changed; devices
/// and pipes, which are written as they are, may be shared.
pub fn create(
    input: &InputIdentity,
    requested: [(&'static str, Option<&Path>); 3],
) -> Result<[Option<OutputFile>; 3], Failure> {
    let mut planned: Vec<Option<Planned>> = Vec::with_capacity(requested.len());
    for (option, path) in requested {
        let Some(path) = path else {
            planned.push(None);
            continue;
        };
        let this = plan(option, path)?;
        // A device or a pipe (`/dev/null`, `/dev/stdout`) is written as it is, never
        // replaced: sharing one loses nothing, so only files are compared.
        if this.replace.is_none() {
            planned.push(Some(this));
            continue;
        }
        if input.0.as_ref() == Some(&this.identity) {
            return Err(Failure::Usage(format!(
                "{option} {} is the input file: an output must not overwrite what is being read",
                path.display()
            )));
        }
        if let Some(other) = planned
            .iter()
            .flatten()
            .find(|o| o.replace.is_some() && o.identity == this.identity)
        {
            return Err(Failure::Usage(format!(
                "{} {} and {option} {} are the same file: each output needs a file of its own",
                other.option,
                other.path.display(),
                path.display()
            )));
        }
        planned.push(Some(this));
    }
    let mut created = planned.into_iter().map(|p| p.map(open).transpose());
    let mut next = || created.next().expect("one per request");
    Ok([next()?, next()?, next()?])
}

fn open(planned: Planned) -> Result<OutputFile, Failure> {
    let path = planned.path;
    let failed = |e: io::Error| Failure::Fatal(format!("cannot create {}: {e}", path.display()));
    let writer = match planned.replace {
        Some((target, permissions)) => {
            let folder = target.parent().expect("a resolved file path has a folder");
            let name = target
                .file_name()
                .expect("a resolved file path has a name")
                .to_string_lossy();
            let prefix = format!("{name}.cleeng-register.");
            let mut builder = tempfile::Builder::new();
            builder.prefix(&prefix).suffix(".tmp");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                // A new file gets what `File::create` gives (0666 less the umask).
                builder.permissions(fs::Permissions::from_mode(0o666));
            }
            let temp = builder.tempfile_in(folder).map_err(failed)?;
            if let Some(permissions) = permissions {
                // A replaced file keeps its mode.
                temp.as_file()
                    .set_permissions(permissions)
                    .map_err(failed)?;
            }
            Writer::Replace {
                temp: BufWriter::with_capacity(64 * 1024, temp),
                target,
            }
        }
        None => Writer::Direct(BufWriter::with_capacity(
            64 * 1024,
            File::create(&path).map_err(failed)?,
        )),
    };
    Ok(OutputFile { path, writer })
}

/// The valid part split into numbered files, `STEM-1.EXT`, `STEM-2.EXT`, … beside the
/// `STEM.EXT` given, written one after the other as [`crate::split::Parts`]: each is checked
/// against the input and the other outputs when it is started (as [`create`] checks them), and
/// written to a temporary file renamed into place, with the others, when the run completes.
pub struct SplitFiles {
    names: PartNames,
    /// The files no part may be: the input's identity and the other outputs'.
    taken: Vec<(&'static str, PathBuf, Identity)>,
    input: InputIdentity,
    done: Vec<Finished>,
    current: Option<OutputFile>,
}

impl SplitFiles {
    /// The parts of `given` (`--valid-out`). A usage error, before any file is created, when
    /// the input or another output (`(option, path)`) is named like a part beside it.
    pub fn new(
        given: &Path,
        input: &InputIdentity,
        input_path: Option<&Path>,
        others: [(&'static str, Option<&Path>); 2],
    ) -> Result<SplitFiles, Failure> {
        if fs::metadata(given).is_ok_and(|m| !m.is_file()) {
            return Err(Failure::Usage(format!(
                "--valid-out {} is not a file: --split-every writes files beside it",
                given.display()
            )));
        }
        let name = given.file_name().ok_or_else(|| {
            Failure::Fatal(format!("cannot create {}: no file name", given.display()))
        })?;
        let as_path = Path::new(name);
        let mut split = SplitFiles {
            names: PartNames {
                given: given.to_owned(),
                stem: as_path.file_stem().unwrap_or(name).to_owned(),
                extension: as_path.extension().map(ToOwned::to_owned),
            },
            taken: Vec::new(),
            input: input.clone(),
            done: Vec::new(),
            current: None,
        };
        let folder = resolved_folder(given)
            .map_err(|e| Failure::Fatal(format!("cannot create {}: {e}", given.display())))?;
        let named = [("the input", input_path)].into_iter().chain(others);
        for (option, path) in named {
            let Some(path) = path else { continue };
            // Named like a part beside the parts (through links to the file they lead to).
            let resolved = fs::canonicalize(path).ok().or_else(|| {
                let name = path.file_name()?;
                Some(resolved_folder(path).ok()?.join(name))
            });
            if let Some(resolved) = resolved {
                let is_part = resolved.parent() == Some(folder.as_path())
                    && resolved
                        .file_name()
                        .is_some_and(|n| split.names.is_part_name(n));
                if is_part {
                    return Err(Failure::Usage(format!(
                        "{option} {} is named like a part of --valid-out {} --split-every: \
                         each output needs a file of its own",
                        path.display(),
                        given.display()
                    )));
                }
            }
            if option != "the input" {
                let planned = plan(option, path)?;
                if planned.replace.is_some() {
                    split
                        .taken
                        .push((option, path.to_owned(), planned.identity));
                }
            }
        }
        Ok(split)
    }

    /// How the parts are named.
    pub fn names(&self) -> PartNames {
        self.names.clone()
    }

    /// Ends the part being written and opens part `index`: a usage error when its file is
    /// the input or another output.
    fn start_part(&mut self, index: u64) -> Result<(), Failure> {
        if let Some(current) = self.current.take() {
            self.done.push(current.finish()?);
        }
        let path = self.names.path(index);
        let planned = plan("--split-every", &path)?;
        if planned.replace.is_some() {
            if self.input.0.as_ref() == Some(&planned.identity) {
                return Err(Failure::Usage(format!(
                    "{} (a part of --valid-out {}) is the input file: \
                     an output must not overwrite what is being read",
                    path.display(),
                    self.names.given.display()
                )));
            }
            if let Some((option, other, _)) =
                self.taken.iter().find(|(_, _, id)| *id == planned.identity)
            {
                return Err(Failure::Usage(format!(
                    "{option} {} and {} (a part of --valid-out {}) are the same file: \
                     each output needs a file of its own",
                    other.display(),
                    path.display(),
                    self.names.given.display()
                )));
            }
        }
        self.current = Some(open(planned)?);
        Ok(())
    }

    /// Puts every part in place, in order; returns how many there are.
    pub fn commit(mut self) -> Result<u64, Failure> {
        if let Some(current) = self.current.take() {
            self.done.push(current.finish()?);
        }
        let parts = self.done.len() as u64;
        for part in self.done {
            part.commit()?;
        }
        Ok(parts)
    }
}

impl crate::split::Parts for SplitFiles {
    fn start(&mut self, index: u64) -> io::Result<()> {
        self.start_part(index).map_err(io::Error::other)
    }

    fn writer(&mut self) -> &mut dyn Write {
        self.current.as_mut().expect("a part was started").writer()
    }
}

/// The names of a split's parts: `STEM-N.EXT` beside `STEM.EXT`.
#[derive(Clone, Debug)]
pub struct PartNames {
    /// `STEM.EXT` as given, to name the parts as the user spelled them.
    given: PathBuf,
    stem: OsString,
    extension: Option<OsString>,
}

impl PartNames {
    /// The path of part `index`, beside the path given.
    pub fn path(&self, index: u64) -> PathBuf {
        let mut name = self.stem.clone();
        name.push(format!("-{index}"));
        if let Some(extension) = &self.extension {
            name.push(".");
            name.push(extension);
        }
        self.given.with_file_name(name)
    }

    /// Whether `name` is `STEM-N.EXT` for some number N.
    fn is_part_name(&self, name: &std::ffi::OsStr) -> bool {
        let name = name.as_encoded_bytes();
        let Some(rest) = name.strip_prefix(self.stem.as_encoded_bytes()) else {
            return false;
        };
        let Some(rest) = rest.strip_prefix(b"-") else {
            return false;
        };
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let rest = &rest[digits..];
        digits > 0
            && match &self.extension {
                Some(extension) => rest
                    .strip_prefix(b".")
                    .is_some_and(|e| e == extension.as_encoded_bytes()),
                None => rest.is_empty(),
            }
    }
}

/// The folder of `path`, resolved (`.` when it names none).
fn resolved_folder(path: &Path) -> io::Result<PathBuf> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    fs::canonicalize(folder)
}
