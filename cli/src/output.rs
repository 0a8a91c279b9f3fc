//! The output files of `users`: refused when one is the input or another output, written to
//! temporary files beside them, and renamed into place only when the run completes, so that a
//! run that fails, or is killed, leaves the user's earlier files as they were.
//!
//! Two paths name the same file when they lead to the same device and inode (hard links,
//! symbolic links and spellings such as `./u.csv` all do); a file that does not exist yet is
//! named by its folder, resolved, and its name. A temporary file is named
//! `NAME.cleeng-register.XXXXXX.tmp` beside the file it replaces: a run killed with SIGKILL
//! (which no program can clean up after) leaves it there, named for what it is.

use std::fs::{self, File, Metadata};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

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
        let failed =
            |e: io::Error| Failure::Fatal(format!("cannot write {}: {e}", self.path.display()));
        match self.writer {
            Writer::Replace { temp, target } => {
                let temp = temp.into_inner().map_err(|e| failed(e.into_error()))?;
                temp.as_file().sync_all().map_err(failed)?;
                temp.persist(&target).map_err(|e| failed(e.error))?;
            }
            Writer::Direct(mut file) => file.flush().map_err(failed)?,
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
