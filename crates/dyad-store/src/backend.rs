//! The two databases behind one small interface: statements with `$1`-style
//! parameters, rows of plain values, and explicit transactions. SQL text is
//! shared wherever the two dialects agree; the rest is chosen per [`Kind`].

use crate::StoreError;

/// A parameter or a column value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i64),
    Real(f64),
    Text(String),
    Null,
}

impl Value {
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
    pub fn int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Real(r) => Some(*r as i64),
            Value::Text(s) => s.parse().ok(),
            Value::Null => None,
        }
    }
    pub fn real(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Real(r) => Some(*r),
            Value::Text(s) => s.parse().ok(),
            Value::Null => None,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}
impl From<Option<String>> for Value {
    fn from(s: Option<String>) -> Self {
        s.map_or(Value::Null, Value::Text)
    }
}
impl From<Option<&str>> for Value {
    fn from(s: Option<&str>) -> Self {
        s.map_or(Value::Null, |s| Value::Text(s.to_string()))
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}
impl From<usize> for Value {
    fn from(i: usize) -> Self {
        Value::Int(i64::try_from(i).unwrap_or(i64::MAX))
    }
}

pub type Row = Vec<Value>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

pub enum Backend {
    Sqlite(rusqlite::Connection),
    Postgres(Box<postgres::Client>),
}

/// SQLite numbers parameters `?N`; PostgreSQL `$N`. Statements are written with
/// `$N` and rewritten here for SQLite.
fn sqlite_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(|n| n.is_ascii_digit()) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

impl Backend {
    pub fn kind(&self) -> Kind {
        match self {
            Backend::Sqlite(_) => Kind::Sqlite,
            Backend::Postgres(_) => Kind::Postgres,
        }
    }

    /// Runs statements without parameters (DDL, transaction control).
    pub fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        match self {
            Backend::Sqlite(c) => c.execute_batch(sql)?,
            Backend::Postgres(c) => c.batch_execute(sql)?,
        }
        Ok(())
    }

    pub fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64, StoreError> {
        match self {
            Backend::Sqlite(c) => {
                let mut st = c.prepare_cached(&sqlite_sql(sql))?;
                let n = st.execute(rusqlite::params_from_iter(params.iter().map(to_sqlite)))?;
                Ok(n as u64)
            }
            Backend::Postgres(c) => {
                let owned = pg_params(params);
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    owned.iter().map(|b| b.as_ref()).collect();
                Ok(c.execute(sql, &refs)?)
            }
        }
    }

    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, StoreError> {
        match self {
            Backend::Sqlite(c) => {
                let mut st = c.prepare_cached(&sqlite_sql(sql))?;
                let ncols = st.column_count();
                let mut rows =
                    st.query(rusqlite::params_from_iter(params.iter().map(to_sqlite)))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    let mut row = Vec::with_capacity(ncols);
                    for i in 0..ncols {
                        row.push(match r.get_ref(i)? {
                            rusqlite::types::ValueRef::Null => Value::Null,
                            rusqlite::types::ValueRef::Integer(i) => Value::Int(i),
                            rusqlite::types::ValueRef::Real(f) => Value::Real(f),
                            rusqlite::types::ValueRef::Text(t) => {
                                Value::Text(String::from_utf8_lossy(t).into_owned())
                            }
                            rusqlite::types::ValueRef::Blob(b) => {
                                Value::Text(String::from_utf8_lossy(b).into_owned())
                            }
                        });
                    }
                    out.push(row);
                }
                Ok(out)
            }
            Backend::Postgres(c) => {
                use postgres::types::Type;
                let owned = pg_params(params);
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    owned.iter().map(|b| b.as_ref()).collect();
                let rows = c.query(sql, &refs)?;
                let mut out = Vec::with_capacity(rows.len());
                for r in rows {
                    let mut row = Vec::with_capacity(r.len());
                    for (i, col) in r.columns().iter().enumerate() {
                        let t = col.type_();
                        let v = if *t == Type::INT8 {
                            r.try_get::<_, Option<i64>>(i)?
                                .map_or(Value::Null, Value::Int)
                        } else if *t == Type::INT4 {
                            r.try_get::<_, Option<i32>>(i)?
                                .map_or(Value::Null, |x| Value::Int(x.into()))
                        } else if *t == Type::FLOAT4 {
                            r.try_get::<_, Option<f32>>(i)?
                                .map_or(Value::Null, |x| Value::Real(x.into()))
                        } else if *t == Type::FLOAT8 {
                            r.try_get::<_, Option<f64>>(i)?
                                .map_or(Value::Null, Value::Real)
                        } else if *t == Type::BOOL {
                            r.try_get::<_, Option<bool>>(i)?
                                .map_or(Value::Null, |x| Value::Int(x.into()))
                        } else {
                            r.try_get::<_, Option<String>>(i)?
                                .map_or(Value::Null, Value::Text)
                        };
                        row.push(v);
                    }
                    out.push(row);
                }
                Ok(out)
            }
        }
    }
}

fn to_sqlite(v: &Value) -> rusqlite::types::Value {
    match v {
        Value::Int(i) => rusqlite::types::Value::Integer(*i),
        Value::Real(r) => rusqlite::types::Value::Real(*r),
        Value::Text(s) => rusqlite::types::Value::Text(s.clone()),
        Value::Null => rusqlite::types::Value::Null,
    }
}

fn pg_params(params: &[Value]) -> Vec<Box<dyn postgres::types::ToSql + Sync>> {
    params
        .iter()
        .map(|v| -> Box<dyn postgres::types::ToSql + Sync> {
            match v {
                Value::Int(i) => Box::new(*i),
                Value::Real(r) => Box::new(*r),
                Value::Text(s) => Box::new(s.clone()),
                // Every nullable column is text.
                Value::Null => Box::new(None::<String>),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn parameters_rewritten_for_sqlite() {
        assert_eq!(
            super::sqlite_sql("SELECT $1, '$x', $12"),
            "SELECT ?1, '$x', ?12"
        );
    }
}
